// What the per-request caches (signing keys, compiled policies, recorded key use) must never change: each request
// is decided on the state of the moment it arrives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AttachGroupPolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DetachGroupPolicyCommand,
  GetAccessKeyLastUsedCommand,
  GetUserCommand,
  RemoveUserFromGroupCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { addUserToGroup, createGroup } from '../src/model/groups.ts';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { addUser, policy, sdkError } from './helpers/fixtures.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const INVALID = 'The security token included in the request is invalid.';
const allowGetUser = policy({ Effect: 'Allow', Action: ['iam:GetUser', 'iam:GetAccessKeyLastUsed'], Resource: '*' });

describe('access keys with a cached signing key', () => {
  it('a deactivated key is refused on the very next request, and accepted again once reactivated', async () => {
    const alice = addUser(t, 'cache-alice', { get: allowGetUser });
    const client = t.iamAs(alice.keys);
    expect((await client.send(new GetUserCommand({}))).User?.UserName).toBe('cache-alice');
    await t.iam.send(new UpdateAccessKeyCommand({ UserName: 'cache-alice', AccessKeyId: alice.keys.accessKeyId, Status: 'Inactive' }));
    expect(await sdkError(client.send(new GetUserCommand({})))).toMatchObject({ name: 'InvalidClientTokenId', message: INVALID, status: 403 });
    await t.iam.send(new UpdateAccessKeyCommand({ UserName: 'cache-alice', AccessKeyId: alice.keys.accessKeyId, Status: 'Active' }));
    expect((await client.send(new GetUserCommand({}))).User?.UserName).toBe('cache-alice');
  });

  it('after a rotation the deleted key is refused at once and the new one works', async () => {
    const bob = addUser(t, 'cache-bob', { get: allowGetUser });
    const oldClient = t.iamAs(bob.keys);
    expect((await oldClient.send(new GetUserCommand({}))).User?.UserName).toBe('cache-bob');
    const created = (await t.iam.send(new CreateAccessKeyCommand({ UserName: 'cache-bob' }))).AccessKey;
    await t.iam.send(new DeleteAccessKeyCommand({ UserName: 'cache-bob', AccessKeyId: bob.keys.accessKeyId }));
    expect(await sdkError(oldClient.send(new GetUserCommand({})))).toMatchObject({ name: 'InvalidClientTokenId', status: 403 });
    const fresh = t.iamAs({ accessKeyId: created?.AccessKeyId ?? '', secretAccessKey: created?.SecretAccessKey ?? '' });
    expect((await fresh.send(new GetUserCommand({}))).User?.UserName).toBe('cache-bob');
  });

  it('a wrong secret for a key whose signing key is cached is still SignatureDoesNotMatch', async () => {
    const carol = addUser(t, 'cache-carol', { get: allowGetUser });
    expect((await t.iamAs(carol.keys).send(new GetUserCommand({}))).User?.UserName).toBe('cache-carol');
    const forged = t.iamAs({ accessKeyId: carol.keys.accessKeyId, secretAccessKey: 'x'.repeat(40) });
    expect(await sdkError(forged.send(new GetUserCommand({})))).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 });
  });

  it('last used follows each request, also when IAM and STS alternate within the same second', async () => {
    const dave = addUser(t, 'cache-dave', { get: allowGetUser });
    await t.iamAs(dave.keys).send(new GetUserCommand({}));
    await t.stsAs(dave.keys).send(new GetCallerIdentityCommand({}));
    const afterSts = await t.iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: dave.keys.accessKeyId }));
    expect(afterSts.AccessKeyLastUsed?.ServiceName).toBe('sts');
    await t.iamAs(dave.keys).send(new GetUserCommand({}));
    const afterIam = await t.iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: dave.keys.accessKeyId }));
    expect(afterIam.AccessKeyLastUsed?.ServiceName).toBe('iam');
  });
});

describe('compiled policies of a principal', () => {
  it('group attachment, group membership and a new default policy version each decide the next request', async () => {
    const db = t.server.state.db;
    const erin = addUser(t, 'cache-erin');
    const group = createGroup(db, { name: 'cache-readers', path: '/' }, new Date());
    addUserToGroup(db, group.name, 'cache-erin');
    const client = t.iamAs(erin.keys);
    expect((await sdkError(client.send(new GetUserCommand({})))).name).toBe('AccessDenied');

    const created = await t.iam.send(new CreatePolicyCommand({ PolicyName: 'CacheGetUser', PolicyDocument: allowGetUser }));
    const arn = created.Policy?.Arn ?? '';
    await t.iam.send(new AttachGroupPolicyCommand({ GroupName: group.name, PolicyArn: arn }));
    expect((await client.send(new GetUserCommand({}))).User?.UserName).toBe('cache-erin');

    await t.iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, SetAsDefault: true, PolicyDocument: policy({ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }) }));
    expect((await sdkError(client.send(new GetUserCommand({})))).name).toBe('AccessDenied');

    await t.iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, SetAsDefault: true, PolicyDocument: allowGetUser }));
    expect((await client.send(new GetUserCommand({}))).User?.UserName).toBe('cache-erin');
    await t.iam.send(new RemoveUserFromGroupCommand({ GroupName: group.name, UserName: 'cache-erin' }));
    expect((await sdkError(client.send(new GetUserCommand({})))).name).toBe('AccessDenied');

    addUserToGroup(db, group.name, 'cache-erin');
    expect((await client.send(new GetUserCommand({}))).User?.UserName).toBe('cache-erin');
    await t.iam.send(new DetachGroupPolicyCommand({ GroupName: group.name, PolicyArn: arn }));
    expect((await sdkError(client.send(new GetUserCommand({})))).name).toBe('AccessDenied');
  });
});

describe('GetUser answer', () => {
  it('lists tags in the order they were added, not by key', async () => {
    await t.iam.send(new CreateUserCommand({ UserName: 'cache-tagged', Tags: [{ Key: 'zone', Value: '1' }, { Key: 'Alpha', Value: '2' }, { Key: 'mid', Value: '3' }] }));
    const user = (await t.iam.send(new GetUserCommand({ UserName: 'cache-tagged' }))).User;
    expect(user?.Tags).toEqual([{ Key: 'zone', Value: '1' }, { Key: 'Alpha', Value: '2' }, { Key: 'mid', Value: '3' }]);
  });
});
