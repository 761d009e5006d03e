// Users over HTTP with the real SDK: create/get/list/update/delete, name rules, pagination, DeleteConflict.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddUserToGroupCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  CreateRoleCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeactivateMFADeviceCommand,
  DeleteAccessKeyCommand,
  DeleteLoginProfileCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  GetRoleCommand,
  GetUserCommand,
  ListUsersCommand,
  PutUserPolicyCommand,
  PutRolePolicyCommand,
  AttachUserPolicyCommand,
  DetachUserPolicyCommand,
  EnableMFADeviceCommand,
  RemoveUserFromGroupCommand,
  UpdateUserCommand,
} from '@aws-sdk/client-iam';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { awsError } from './helpers/entities.ts';
import { recordPasswordUse } from '../src/model/login-profiles.ts';
import { totpCode } from '../src/model/mfa.ts';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const S3_READ = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }] });

describe('CreateUser / GetUser', () => {
  it('creates a user with path and tags and returns it as AWS does', async () => {
    const { User } = await t.iam.send(new CreateUserCommand({ UserName: 'alice', Path: '/engineering/', Tags: [{ Key: 'team', Value: 'core' }] }));
    expect(User).toMatchObject({
      UserName: 'alice',
      Path: '/engineering/',
      Arn: `arn:aws:iam::${t.accountId}:user/engineering/alice`,
      Tags: [{ Key: 'team', Value: 'core' }],
    });
    expect(User?.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(User?.CreateDate).toBeInstanceOf(Date);
    const got = await t.iam.send(new GetUserCommand({ UserName: 'ALICE' }));
    expect(got.User).toMatchObject({ UserName: 'alice', UserId: User?.UserId, Tags: [{ Key: 'team', Value: 'core' }] });
  });

  it('refuses a name clash regardless of case', async () => {
    await t.iam.send(new CreateUserCommand({ UserName: 'Bob' }));
    expect(await awsError(t.iam.send(new CreateUserCommand({ UserName: 'bob' })))).toEqual({
      name: 'EntityAlreadyExistsException',
      status: 409,
      message: 'User with name bob already exists.',
    });
  });

  it('validates names with AWS wording', async () => {
    const error = await awsError(t.iam.send(new CreateUserCommand({ UserName: 'bad name!' })));
    expect(error.status).toBe(400);
    expect(error.message).toBe(
      "1 validation error detected: Value at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
    );
    const long = await awsError(t.iam.send(new CreateUserCommand({ UserName: 'x'.repeat(65) })));
    expect(long.message).toContain('Member must have length less than or equal to 64');
    const path = await awsError(t.iam.send(new CreateUserCommand({ UserName: 'p', Path: 'no-slashes' })));
    // IAM's own sentence for a path of the wrong form (recorded for CreateVirtualMFADevice).
    expect(path.message).toBe('The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.');
  });

  it('reports an unknown user as AWS words it', async () => {
    expect(await awsError(t.iam.send(new GetUserCommand({ UserName: 'nobody' })))).toEqual({
      name: 'NoSuchEntityException',
      status: 404,
      message: 'The user with name nobody cannot be found.',
    });
  });

  it("returns the caller's own identity without UserName (root)", async () => {
    const { User } = await t.iam.send(new GetUserCommand({}));
    expect(User).toMatchObject({ UserId: t.accountId, Arn: `arn:aws:iam::${t.accountId}:root` });
    expect(User?.UserName).toBeUndefined();
  });

  it('lets an IAM user read itself without naming itself', async () => {
    await t.iam.send(new CreateUserCommand({ UserName: 'selfie' }));
    await t.iam.send(new PutUserPolicyCommand({
      UserName: 'selfie',
      PolicyName: 'self',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }] }),
    }));
    const { AccessKey } = await t.iam.send(new CreateAccessKeyCommand({ UserName: 'selfie' }));
    const asUser = t.iamAs({ accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! });
    const { User } = await asUser.send(new GetUserCommand({}));
    expect(User).toMatchObject({ UserName: 'selfie', Arn: `arn:aws:iam::${t.accountId}:user/selfie` });
  });
});

describe('GetUser as an assumed role', () => {
  it('needs a UserName, and AssumeRole shows up as RoleLastUsed', async () => {
    await t.iam.send(new CreateUserCommand({ UserName: 'switcher' }));
    const allow = (action: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });
    await t.iam.send(new PutUserPolicyCommand({ UserName: 'switcher', PolicyName: 'assume', PolicyDocument: allow('sts:AssumeRole') }));
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${t.accountId}:root` }, Action: 'sts:AssumeRole' }] });
    await t.iam.send(new CreateRoleCommand({ RoleName: 'reader-role', AssumeRolePolicyDocument: trust }));
    await t.iam.send(new PutRolePolicyCommand({ RoleName: 'reader-role', PolicyName: 'read', PolicyDocument: allow('iam:GetUser') }));
    const { AccessKey } = await t.iam.send(new CreateAccessKeyCommand({ UserName: 'switcher' }));
    const sts = t.stsAs({ accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! });
    const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${t.accountId}:role/reader-role`, RoleSessionName: 's1' }));
    const asRole = t.iamAs({ accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken });
    expect(await awsError(asRole.send(new GetUserCommand({})))).toEqual({
      name: 'ValidationError',
      status: 400,
      message: 'Must specify userName when calling with non-User credentials',
    });
    expect((await asRole.send(new GetUserCommand({ UserName: 'switcher' }))).User?.UserName).toBe('switcher');
    const { Role } = await t.iam.send(new GetRoleCommand({ RoleName: 'reader-role' }));
    expect(Role?.RoleLastUsed?.LastUsedDate).toBeInstanceOf(Date);
    expect(Role?.RoleLastUsed?.Region).toBe('us-east-1');
  });
});

describe('PasswordLastUsed', () => {
  it('is reported by GetUser and ListUsers once the password was used', async () => {
    const { User } = await t.iam.send(new CreateUserCommand({ UserName: 'signer', Path: '/pw/' }));
    expect(User?.PasswordLastUsed).toBeUndefined();
    recordPasswordUse(t.server.state.db, User!.UserId!, new Date('2026-05-04T03:02:01Z'));
    expect((await t.iam.send(new GetUserCommand({ UserName: 'signer' }))).User?.PasswordLastUsed).toEqual(new Date('2026-05-04T03:02:01Z'));
    const listed = await t.iam.send(new ListUsersCommand({ PathPrefix: '/pw/' }));
    expect(listed.Users?.map((u) => u.PasswordLastUsed)).toEqual([new Date('2026-05-04T03:02:01Z')]);
  });
});

describe('ListUsers', () => {
  it('pages with Marker/MaxItems in name order and filters by PathPrefix', async () => {
    for (const name of ['list-c', 'list-a', 'list-b']) await t.iam.send(new CreateUserCommand({ UserName: name, Path: '/listing/' }));
    const first = await t.iam.send(new ListUsersCommand({ PathPrefix: '/listing/', MaxItems: 2 }));
    expect(first.Users?.map((u) => u.UserName)).toEqual(['list-a', 'list-b']);
    expect(first.IsTruncated).toBe(true);
    const second = await t.iam.send(new ListUsersCommand({ PathPrefix: '/listing/', MaxItems: 2, Marker: first.Marker }));
    expect(second.Users?.map((u) => u.UserName)).toEqual(['list-c']);
    expect(second.IsTruncated).toBe(false);
    expect(second.Marker).toBeUndefined();
    const all = await t.iam.send(new ListUsersCommand({}));
    expect(all.Users?.map((u) => u.UserName)).toEqual(expect.arrayContaining(['alice', 'Bob', 'list-a']));
  });

  it('refuses MaxItems out of range', async () => {
    const error = await awsError(t.iam.send(new ListUsersCommand({ MaxItems: 0 })));
    expect(error.message).toContain("Value at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1");
  });
});

describe('UpdateUser', () => {
  it('renames and moves a user, keeping its id and tags', async () => {
    const { User } = await t.iam.send(new CreateUserCommand({ UserName: 'carol', Tags: [{ Key: 'k', Value: 'v' }] }));
    await t.iam.send(new UpdateUserCommand({ UserName: 'carol', NewUserName: 'caroline', NewPath: '/moved/' }));
    const { User: renamed } = await t.iam.send(new GetUserCommand({ UserName: 'caroline' }));
    expect(renamed).toMatchObject({ UserId: User?.UserId, Path: '/moved/', Arn: `arn:aws:iam::${t.accountId}:user/moved/caroline`, Tags: [{ Key: 'k', Value: 'v' }] });
    expect((await awsError(t.iam.send(new GetUserCommand({ UserName: 'carol' })))).status).toBe(404);
  });

  it('refuses a new name that is taken and an unknown user', async () => {
    expect((await awsError(t.iam.send(new UpdateUserCommand({ UserName: 'caroline', NewUserName: 'ALICE' })))).name).toBe('EntityAlreadyExistsException');
    expect((await awsError(t.iam.send(new UpdateUserCommand({ UserName: 'ghost', NewPath: '/x/' })))).message).toBe(
      'The user with name ghost cannot be found.',
    );
  });
});

describe('DeleteUser', () => {
  it('is refused per dependency with AWS messages, then succeeds', async () => {
    const u = 'doomed';
    await t.iam.send(new CreateUserCommand({ UserName: u }));
    await t.iam.send(new CreateGroupCommand({ GroupName: 'doomed-group' }));
    await t.iam.send(new AddUserToGroupCommand({ GroupName: 'doomed-group', UserName: u }));
    await t.iam.send(new PutUserPolicyCommand({ UserName: u, PolicyName: 'inline', PolicyDocument: S3_READ }));
    await t.iam.send(new AttachUserPolicyCommand({ UserName: u, PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    const { AccessKey } = await t.iam.send(new CreateAccessKeyCommand({ UserName: u }));
    await t.iam.send(new CreateLoginProfileCommand({ UserName: u, Password: 'Correct-Horse-9-Battery!' }));
    const { VirtualMFADevice } = await t.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'doomed-mfa' }));
    const seed = Buffer.from(VirtualMFADevice?.Base32StringSeed ?? new Uint8Array()).toString('ascii');
    const SerialNumber = VirtualMFADevice?.SerialNumber ?? '';
    const now = Date.now();
    await t.iam.send(
      new EnableMFADeviceCommand({ UserName: u, SerialNumber, AuthenticationCode1: totpCode(seed, new Date(now - 60_000)), AuthenticationCode2: totpCode(seed, new Date(now - 30_000)) }),
    );

    const conflict = async () => {
      const error = await awsError(t.iam.send(new DeleteUserCommand({ UserName: u })));
      expect(error.name).toBe('DeleteConflictException');
      expect(error.status).toBe(409);
      return error.message;
    };
    expect(await conflict()).toBe('Cannot delete entity, must delete access keys first.');
    await t.iam.send(new DeleteAccessKeyCommand({ UserName: u, AccessKeyId: AccessKey!.AccessKeyId! }));
    expect(await conflict()).toBe('Cannot delete entity, must delete login profile first.');
    await t.iam.send(new DeleteLoginProfileCommand({ UserName: u }));
    expect(await conflict()).toBe('Cannot delete entity, must delete MFA device first.');
    await t.iam.send(new DeactivateMFADeviceCommand({ UserName: u, SerialNumber }));
    expect(await conflict()).toBe('Cannot delete entity, must delete policies first.');
    await t.iam.send(new DeleteUserPolicyCommand({ UserName: u, PolicyName: 'inline' }));
    expect(await conflict()).toBe('Cannot delete entity, must detach all policies first.');
    await t.iam.send(new DetachUserPolicyCommand({ UserName: u, PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    expect(await conflict()).toBe('Cannot delete entity, must remove users from group first.');
    await t.iam.send(new RemoveUserFromGroupCommand({ GroupName: 'doomed-group', UserName: u }));
    await t.iam.send(new DeleteUserCommand({ UserName: u }));
    expect((await awsError(t.iam.send(new GetUserCommand({ UserName: u })))).status).toBe(404);
    expect((await awsError(t.iam.send(new DeleteUserCommand({ UserName: u })))).name).toBe('NoSuchEntityException');
  });
});
