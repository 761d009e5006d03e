// Access keys over HTTP with the SDK: create (2 per principal), list, status, delete, last used, self-service.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateAccessKeyCommand,
  DeleteAccessKeyCommand,
  GetAccessKeyLastUsedCommand,
  ListAccessKeysCommand,
  ListUsersCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { addUser, policy } from './helpers/fixtures.ts';
import { awsError } from './helpers/entities.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('access keys', () => {
  it('creates keys for a user up to the quota of 2, lists them, and returns the secret only on creation', async () => {
    addUser(t, 'kate');
    // addUser gave kate one key already.
    const { AccessKey } = await t.iam.send(new CreateAccessKeyCommand({ UserName: 'kate' }));
    expect(AccessKey).toMatchObject({ UserName: 'kate', Status: 'Active' });
    expect(AccessKey?.AccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(AccessKey?.SecretAccessKey).toHaveLength(40);
    expect(AccessKey?.CreateDate).toBeInstanceOf(Date);
    expect(await awsError(t.iam.send(new CreateAccessKeyCommand({ UserName: 'kate' })))).toEqual({
      name: 'LimitExceededException',
      status: 409,
      message: 'Cannot exceed quota for AccessKeysPerUser: 2',
    });
    const listed = await t.iam.send(new ListAccessKeysCommand({ UserName: 'kate' }));
    expect(listed.AccessKeyMetadata).toHaveLength(2);
    expect(listed.AccessKeyMetadata?.[1]).toEqual({ UserName: 'kate', AccessKeyId: AccessKey?.AccessKeyId, Status: 'Active', CreateDate: AccessKey?.CreateDate });
    expect(JSON.stringify(listed)).not.toContain(AccessKey?.SecretAccessKey);
    expect(listed.IsTruncated).toBe(false);
  });

  it('an inactive key no longer signs; reactivated it does; a deleted key is gone', async () => {
    const lee = addUser(t, 'lee');
    const client = t.stsAs(lee.keys);
    expect((await client.send(new GetCallerIdentityCommand({}))).Arn).toBe(lee.arn);
    await t.iam.send(new UpdateAccessKeyCommand({ UserName: 'lee', AccessKeyId: lee.keys.accessKeyId, Status: 'Inactive' }));
    expect((await t.iam.send(new ListAccessKeysCommand({ UserName: 'lee' }))).AccessKeyMetadata?.[0]?.Status).toBe('Inactive');
    expect(await awsError(client.send(new GetCallerIdentityCommand({})))).toMatchObject({ status: 403, message: 'The security token included in the request is invalid.' });
    await t.iam.send(new UpdateAccessKeyCommand({ UserName: 'lee', AccessKeyId: lee.keys.accessKeyId, Status: 'Active' }));
    expect((await client.send(new GetCallerIdentityCommand({}))).Arn).toBe(lee.arn);
    await t.iam.send(new DeleteAccessKeyCommand({ UserName: 'lee', AccessKeyId: lee.keys.accessKeyId }));
    expect((await t.iam.send(new ListAccessKeysCommand({ UserName: 'lee' }))).AccessKeyMetadata).toEqual([]);
    expect(await awsError(t.iam.send(new DeleteAccessKeyCommand({ UserName: 'lee', AccessKeyId: lee.keys.accessKeyId })))).toEqual({
      name: 'NoSuchEntityException',
      status: 404,
      message: `The Access Key with id ${lee.keys.accessKeyId} cannot be found.`,
    });
  });

  it('GetAccessKeyLastUsed: N/A before use, then the service and region of the last signed call', async () => {
    const mo = addUser(t, 'mo', { list: policy({ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }) });
    const before = await t.iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: mo.keys.accessKeyId }));
    expect(before.UserName).toBe('mo');
    expect(before.AccessKeyLastUsed).toEqual({ ServiceName: 'N/A', Region: 'N/A' });
    await t.iamAs(mo.keys).send(new ListUsersCommand({}));
    const after = await t.iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: mo.keys.accessKeyId }));
    expect(after.AccessKeyLastUsed).toMatchObject({ ServiceName: 'iam', Region: 'us-east-1' });
    expect(Math.abs((after.AccessKeyLastUsed?.LastUsedDate?.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
    // AWS's words (localstack's recorded snapshots, test_iam_users: get-last-used-nonexistent-key-error).
    expect(await awsError(t.iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: 'AKIAAAAAAAAAAAAAAAAA' })))).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: `User: arn:aws:iam::${t.accountId}:root is not authorized to perform iam:GetAccessKeyLastUsed on resource: access key AKIAAAAAAAAAAAAAAAAA`,
    });
  });

  it('without UserName a user manages its own keys under the guide rotation policy, and nobody else\'s', async () => {
    const rotate = policy({
      Effect: 'Allow',
      Action: ['iam:CreateAccessKey', 'iam:DeleteAccessKey', 'iam:GetAccessKeyLastUsed', 'iam:GetUser', 'iam:ListAccessKeys', 'iam:UpdateAccessKey'],
      Resource: 'arn:aws:iam::*:user/${aws:username}',
    });
    const nia = addUser(t, 'nia', { rotate });
    addUser(t, 'oscar');
    const self = t.iamAs(nia.keys);
    const created = await self.send(new CreateAccessKeyCommand({}));
    expect(created.AccessKey?.UserName).toBe('nia');
    expect((await self.send(new ListAccessKeysCommand({}))).AccessKeyMetadata?.map((k) => k.UserName)).toEqual(['nia', 'nia']);
    await self.send(new UpdateAccessKeyCommand({ AccessKeyId: created.AccessKey?.AccessKeyId, Status: 'Inactive' }));
    const denied = await awsError(self.send(new ListAccessKeysCommand({ UserName: 'oscar' })));
    expect(denied).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(denied.message).toContain('is not authorized to perform: iam:ListAccessKeys on resource: arn:aws:iam::');
  });

  it('the root user manages root keys when it names no user', async () => {
    const created = await t.iam.send(new CreateAccessKeyCommand({}));
    expect(created.AccessKey?.UserName).toBeUndefined();
    const listed = await t.iam.send(new ListAccessKeysCommand({}));
    expect(listed.AccessKeyMetadata?.map((k) => k.AccessKeyId)).toEqual([t.rootKeys.accessKeyId, created.AccessKey?.AccessKeyId]);
    expect((await awsError(t.iam.send(new CreateAccessKeyCommand({})))).status).toBe(409);
    await t.iam.send(new DeleteAccessKeyCommand({ AccessKeyId: created.AccessKey?.AccessKeyId }));
  });

  it('validates parameters with AWS wording', async () => {
    expect(await awsError(t.iam.send(new UpdateAccessKeyCommand({ AccessKeyId: t.rootKeys.accessKeyId, Status: 'Paused' as 'Active' })))).toMatchObject({
      status: 400,
      message: "1 validation error detected: Value at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]",
    });
    expect((await awsError(t.iam.send(new CreateAccessKeyCommand({ UserName: 'nobody' })))).message).toBe('The user with name nobody cannot be found.');
  });
});
