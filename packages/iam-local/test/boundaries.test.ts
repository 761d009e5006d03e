// Permissions boundaries of users and roles: set at creation or later, shown by GetUser/GetRole, counted, enforced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteRolePermissionsBoundaryCommand,
  DeleteUserPermissionsBoundaryCommand,
  GetPolicyCommand,
  GetRoleCommand,
  GetUserCommand,
  ListUsersCommand,
  PutRolePermissionsBoundaryCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { awsError } from './helpers/entities.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const READ_ONLY = 'arn:aws:iam::aws:policy/IAMReadOnlyAccess';
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

describe('permissions boundaries', () => {
  it('sets a boundary at creation and reports it', async () => {
    const { User } = await t.iam.send(new CreateUserCommand({ UserName: 'bounded', PermissionsBoundary: READ_ONLY }));
    expect(User?.PermissionsBoundary).toEqual({ PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: READ_ONLY });
    expect((await t.iam.send(new GetUserCommand({ UserName: 'bounded' }))).User?.PermissionsBoundary?.PermissionsBoundaryArn).toBe(READ_ONLY);
    expect((await t.iam.send(new GetPolicyCommand({ PolicyArn: READ_ONLY }))).Policy?.PermissionsBoundaryUsageCount).toBe(1);
    const { Role } = await t.iam.send(new CreateRoleCommand({ RoleName: 'bounded-role', AssumeRolePolicyDocument: TRUST, PermissionsBoundary: READ_ONLY }));
    expect(Role?.PermissionsBoundary?.PermissionsBoundaryArn).toBe(READ_ONLY);
    expect((await t.iam.send(new GetPolicyCommand({ PolicyArn: READ_ONLY }))).Policy?.PermissionsBoundaryUsageCount).toBe(2);
  });

  it('refuses an unknown boundary policy and leaves nothing behind', async () => {
    const missing = `arn:aws:iam::${t.accountId}:policy/none`;
    expect(await awsError(t.iam.send(new CreateUserCommand({ UserName: 'half', PermissionsBoundary: missing })))).toEqual({
      name: 'NoSuchEntityException',
      status: 404,
      message: `Scope ARN: ${missing} does not exist or is not attachable.`,
    });
    expect((await t.iam.send(new ListUsersCommand({}))).Users?.map((u) => u.UserName)).not.toContain('half');
    // AWS's words for a missing boundary and for an ARN of something else (localstack's recorded snapshots, test_iam_roles).
    expect(await awsError(t.iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'bounded-role', PermissionsBoundary: missing })))).toEqual({
      name: 'NoSuchEntityException',
      status: 404,
      message: `Scope ARN: ${missing} does not exist or is not attachable.`,
    });
    const notAPolicy = `arn:aws:iam::${t.accountId}:not_a_policy/invalid`;
    expect(await awsError(t.iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'bounded-role', PermissionsBoundary: notAPolicy })))).toEqual({
      name: 'InvalidInputException',
      status: 400,
      message: `ARN ${notAPolicy} is not valid.`,
    });
    expect((await awsError(t.iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'ghost', PermissionsBoundary: READ_ONLY })))).message).toBe(
      'The user with name ghost cannot be found.',
    );
  });

  it('puts and deletes boundaries of users and roles', async () => {
    await t.iam.send(new CreateUserCommand({ UserName: 'later' }));
    await t.iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'later', PermissionsBoundary: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    expect((await t.iam.send(new GetUserCommand({ UserName: 'later' }))).User?.PermissionsBoundary?.PermissionsBoundaryArn).toBe(
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
    );
    await t.iam.send(new DeleteUserPermissionsBoundaryCommand({ UserName: 'later' }));
    expect((await t.iam.send(new GetUserCommand({ UserName: 'later' }))).User?.PermissionsBoundary).toBeUndefined();
    await t.iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: 'bounded-role' }));
    expect((await t.iam.send(new GetRoleCommand({ RoleName: 'bounded-role' }))).Role?.PermissionsBoundary).toBeUndefined();
    expect((await t.iam.send(new GetPolicyCommand({ PolicyArn: READ_ONLY }))).Policy?.PermissionsBoundaryUsageCount).toBe(1);
  });

  it('caps what a user may do: an allow outside the boundary is denied', async () => {
    await t.iam.send(new CreateUserCommand({ UserName: 'capped', PermissionsBoundary: READ_ONLY }));
    await t.iam.send(
      new PutUserPolicyCommand({
        UserName: 'capped',
        PolicyName: 'everything',
        PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }] }),
      }),
    );
    const { AccessKey } = await t.iam.send(new CreateAccessKeyCommand({ UserName: 'capped' }));
    const asCapped = t.iamAs({ accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! });
    expect((await asCapped.send(new GetUserCommand({ UserName: 'bounded' }))).User?.UserName).toBe('bounded');
    const denied = await awsError(asCapped.send(new CreateUserCommand({ UserName: 'escapee' })));
    expect(denied.status).toBe(403);
    expect(denied.message).toContain('is not authorized to perform: iam:CreateUser');
  });
});
