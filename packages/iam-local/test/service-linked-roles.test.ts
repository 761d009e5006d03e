// Service-linked roles over HTTP: the role a service gets (path, name, trust policy, policy), custom suffixes only
// where the service takes one, AWS's refusals of changes to the role, and deletion as a task whose status is asked for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddRoleToInstanceProfileCommand,
  AttachRolePolicyCommand,
  CreateInstanceProfileCommand,
  CreateServiceLinkedRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DeleteServiceLinkedRoleCommand,
  GetRoleCommand,
  GetServiceLinkedRoleDeletionStatusCommand,
  ListAttachedRolePoliciesCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  RemoveRoleFromInstanceProfileCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleDescriptionCommand,
} from '@aws-sdk/client-iam';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { awsError } from './helpers/entities.ts';
import { addRole, addUser, policy } from './helpers/fixtures.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const ALLOW_ALL = policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' });

describe('CreateServiceLinkedRole', () => {
  it('creates the service’s role under /aws-service-role/<service>/, trusted by the service, with its policy', async () => {
    const { Role } = await t.iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'elasticbeanstalk.amazonaws.com' }));
    expect(Role).toMatchObject({
      RoleName: 'AWSServiceRoleForElasticBeanstalk',
      Path: '/aws-service-role/elasticbeanstalk.amazonaws.com/',
      Arn: `arn:aws:iam::${t.accountId}:role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk`,
    });
    expect(JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!))).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'elasticbeanstalk.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    const attached = await t.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'AWSServiceRoleForElasticBeanstalk' }));
    expect(attached.AttachedPolicies).toEqual([
      { PolicyName: 'AWSElasticBeanstalkServiceRolePolicy', PolicyArn: 'arn:aws:iam::aws:policy/aws-service-role/AWSElasticBeanstalkServiceRolePolicy' },
    ]);
  });

  it('takes a custom suffix only for services that allow one', async () => {
    expect(await awsError(t.iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'es.amazonaws.com', CustomSuffix: 'debug' })))).toEqual({
      name: 'InvalidInputException',
      status: 400,
      message: 'Custom suffix is not allowed for es.amazonaws.com',
    });
    const { Role } = await t.iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'autoscaling.amazonaws.com', CustomSuffix: 'fleet', Description: 'fleet' }));
    expect(Role?.RoleName).toBe('AWSServiceRoleForAutoScaling_fleet');
    expect((await t.iam.send(new GetRoleCommand({ RoleName: 'AWSServiceRoleForAutoScaling_fleet' }))).Role?.Description).toBe('fleet');
  });

  it('refuses a second role of the same name in AWS words', async () => {
    await t.iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'spot.amazonaws.com' }));
    expect(await awsError(t.iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'spot.amazonaws.com' })))).toEqual({
      name: 'InvalidInputException',
      status: 400,
      message: 'Service role name AWSServiceRoleForEC2Spot has been taken in this account, please try a different suffix.',
    });
  });

  it('is authorized as iam:CreateServiceLinkedRole on the role with iam:AWSServiceName', async () => {
    const limited = addUser(t, 'slr-creator', {
      rds: policy({
        Effect: 'Allow',
        Action: 'iam:CreateServiceLinkedRole',
        Resource: `arn:aws:iam::${t.accountId}:role/aws-service-role/*`,
        Condition: { StringEquals: { 'iam:AWSServiceName': 'rds.amazonaws.com' } },
      }),
    });
    const asLimited = t.iamAs(limited.keys);
    await asLimited.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'rds.amazonaws.com' }));
    const refused = await awsError(asLimited.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'ecs.amazonaws.com' })));
    expect(refused.message).toBe(
      `User: ${limited.arn} is not authorized to perform: iam:CreateServiceLinkedRole on resource: arn:aws:iam::${t.accountId}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS because no identity-based policy allows the iam:CreateServiceLinkedRole action`,
    );
  });
});

describe('a service-linked role is only modifiable by AWS', () => {
  const NAME = 'AWSServiceRoleForElasticBeanstalk';
  const protectedRole = {
    name: 'UnmodifiableEntityException',
    status: 400,
    message: `Cannot perform the operation on the protected role '${NAME}' - this role is only modifiable by AWS`,
  };

  it.each([
    ['DeleteRole', () => new DeleteRoleCommand({ RoleName: NAME })],
    ['PutRolePolicy', () => new PutRolePolicyCommand({ RoleName: NAME, PolicyName: 'extra', PolicyDocument: ALLOW_ALL })],
    ['DeleteRolePolicy', () => new DeleteRolePolicyCommand({ RoleName: NAME, PolicyName: 'extra' })],
    ['AttachRolePolicy', () => new AttachRolePolicyCommand({ RoleName: NAME, PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })],
    ['UpdateAssumeRolePolicy', () => new UpdateAssumeRolePolicyCommand({ RoleName: NAME, PolicyDocument: policy({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' }) })],
    ['PutRolePermissionsBoundary', () => new PutRolePermissionsBoundaryCommand({ RoleName: NAME, PermissionsBoundary: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })],
  ] as const)('%s is refused', async (_action, command) => {
    expect(await awsError(t.iam.send(command() as never))).toEqual(protectedRole);
  });

  it('its description can still be changed', async () => {
    const { Role } = await t.iam.send(new UpdateRoleDescriptionCommand({ RoleName: NAME, Description: 'Beanstalk' }));
    expect(Role?.Description).toBe('Beanstalk');
  });
});

describe('DeleteServiceLinkedRole', () => {
  it('deletes the role with its policy and reports the task SUCCEEDED', async () => {
    const { DeletionTaskId } = await t.iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: 'AWSServiceRoleForEC2Spot' }));
    expect(DeletionTaskId).toMatch(/^task\/aws-service-role\/spot\.amazonaws\.com\/AWSServiceRoleForEC2Spot\/[0-9a-f-]{36}$/);
    expect(await t.iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId }))).toMatchObject({ Status: 'SUCCEEDED' });
    expect((await awsError(t.iam.send(new GetRoleCommand({ RoleName: 'AWSServiceRoleForEC2Spot' })))).status).toBe(404);
    // The name is free again.
    await t.iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'spot.amazonaws.com' }));
  });

  it('fails the task while an instance profile holds the role, and keeps the role', async () => {
    await t.iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'holder' }));
    await t.iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'holder', RoleName: 'AWSServiceRoleForRDS' }));
    const { DeletionTaskId } = await t.iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: 'AWSServiceRoleForRDS' }));
    const status = await t.iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId }));
    expect(status.Status).toBe('FAILED');
    expect(status.Reason?.Reason).toBeTruthy();
    expect((await t.iam.send(new GetRoleCommand({ RoleName: 'AWSServiceRoleForRDS' }))).Role?.RoleName).toBe('AWSServiceRoleForRDS');
    await t.iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: 'holder', RoleName: 'AWSServiceRoleForRDS' }));
  });

  it('refuses a role that does not exist or is not service-linked, and an unknown task', async () => {
    expect(await awsError(t.iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: 'nobody' })))).toEqual({
      name: 'NoSuchEntityException',
      status: 404,
      message: 'The role with name nobody cannot be found.',
    });
    addRole(t, 'plain', policy({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }));
    expect((await awsError(t.iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: 'plain' })))).name).toBe('InvalidInputException');
    expect((await awsError(t.iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId: 'task/aws-service-role/x.amazonaws.com/R/1' })))).status).toBe(404);
  });
});
