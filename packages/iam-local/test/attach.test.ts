// Attaching managed policies to users, groups and roles: idempotence, unknown ARNs, the 10-policy quota, listing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DetachUserPolicyCommand,
  GetPolicyCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
} from '@aws-sdk/client-iam';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { awsError } from './helpers/entities.ts';

let t: TestServer;
const arns: string[] = [];
beforeAll(async () => {
  t = await startTestServer();
  const document = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }] });
  for (let i = 0; i < 11; i++) {
    const { Policy } = await t.iam.send(new CreatePolicyCommand({ PolicyName: `p${String(i).padStart(2, '0')}`, Path: i < 2 ? '/team/' : '/', PolicyDocument: document }));
    arns.push(Policy!.Arn!);
  }
  await t.iam.send(new CreateUserCommand({ UserName: 'u' }));
  await t.iam.send(new CreateGroupCommand({ GroupName: 'g' }));
  await t.iam.send(
    new CreateRoleCommand({
      RoleName: 'r',
      AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
    }),
  );
});
afterAll(() => t.close());

describe('attach / detach', () => {
  it('attaches customer and AWS managed policies, idempotently, and lists them', async () => {
    await t.iam.send(new AttachUserPolicyCommand({ UserName: 'u', PolicyArn: arns[0] }));
    await t.iam.send(new AttachUserPolicyCommand({ UserName: 'u', PolicyArn: arns[0] }));
    await t.iam.send(new AttachUserPolicyCommand({ UserName: 'u', PolicyArn: 'arn:aws:iam::aws:policy/IAMUserChangePassword' }));
    const listed = await t.iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'u' }));
    expect(listed.AttachedPolicies).toEqual(
      expect.arrayContaining([
        { PolicyName: 'p00', PolicyArn: arns[0] },
        { PolicyName: 'IAMUserChangePassword', PolicyArn: 'arn:aws:iam::aws:policy/IAMUserChangePassword' },
      ]),
    );
    expect(listed.AttachedPolicies).toHaveLength(2);
    expect((await t.iam.send(new GetPolicyCommand({ PolicyArn: arns[0] }))).Policy?.AttachmentCount).toBe(1);
    const team = await t.iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'u', PathPrefix: '/team/' }));
    expect(team.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(['p00']);
    await t.iam.send(new DetachUserPolicyCommand({ UserName: 'u', PolicyArn: arns[0] }));
    expect((await t.iam.send(new GetPolicyCommand({ PolicyArn: arns[0] }))).Policy?.AttachmentCount).toBe(0);
    expect(await awsError(t.iam.send(new DetachUserPolicyCommand({ UserName: 'u', PolicyArn: arns[0] })))).toEqual({
      name: 'NoSuchEntityException',
      status: 404,
      message: `Policy ${arns[0]} was not found.`,
    });
  });

  it('refuses unknown policies and principals', async () => {
    const missing = `arn:aws:iam::${t.accountId}:policy/missing`;
    expect(await awsError(t.iam.send(new AttachUserPolicyCommand({ UserName: 'u', PolicyArn: missing })))).toEqual({
      name: 'NoSuchEntityException',
      status: 404,
      message: `Policy ${missing} does not exist or is not attachable.`,
    });
    expect((await awsError(t.iam.send(new AttachGroupPolicyCommand({ GroupName: 'nope', PolicyArn: arns[1] })))).message).toBe(
      'The group with name nope cannot be found.',
    );
    expect(await awsError(t.iam.send(new AttachRolePolicyCommand({ RoleName: 'r', PolicyArn: 'arn:aws:s3:::my-bucket' })))).toEqual({
      name: 'InvalidInputException',
      status: 400,
      message: 'ARN arn:aws:s3:::my-bucket is not valid.',
    });
    expect(await awsError(t.iam.send(new AttachRolePolicyCommand({ RoleName: 'r', PolicyArn: 'longpolicynamebutnoarn' })))).toEqual({
      name: 'ValidationError',
      status: 400,
      message: 'ARN longpolicynamebutnoarn is not valid.',
    });
  });

  it('limits each principal to 10 managed policies', async () => {
    for (let i = 0; i < 10; i++) await t.iam.send(new AttachRolePolicyCommand({ RoleName: 'r', PolicyArn: arns[i] }));
    expect(await awsError(t.iam.send(new AttachRolePolicyCommand({ RoleName: 'r', PolicyArn: arns[10] })))).toEqual({
      name: 'LimitExceededException',
      status: 409,
      message: 'Cannot exceed quota for PoliciesPerRole: 10',
    });
    const page = await t.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'r', MaxItems: 4 }));
    expect(page.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(['p00', 'p01', 'p02', 'p03']);
    expect(page.IsTruncated).toBe(true);
    const rest = await t.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'r', Marker: page.Marker }));
    expect(rest.AttachedPolicies).toHaveLength(6);

    for (let i = 0; i < 10; i++) await t.iam.send(new AttachGroupPolicyCommand({ GroupName: 'g', PolicyArn: arns[i] }));
    expect((await awsError(t.iam.send(new AttachGroupPolicyCommand({ GroupName: 'g', PolicyArn: arns[10] })))).message).toBe(
      'Cannot exceed quota for PoliciesPerGroup: 10',
    );
    expect((await t.iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: 'g' }))).AttachedPolicies).toHaveLength(10);
  });
});
