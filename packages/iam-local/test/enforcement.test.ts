import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateAccessKeyCommand, DeleteAccessKeyCommand, GetUserCommand, ListAccessKeysCommand, ListUsersCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { attachPolicy } from '../src/model/attachments.ts';
import { createPolicy } from '../src/model/managed-policies.ts';
import { setUserBoundary } from '../src/model/users.ts';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { addUser, enrollMfa, policy, sdkError, sessionKeys, TestClock } from './helpers/fixtures.ts';
import { FORCE_MFA } from './helpers/guide-policies.ts';

let t: TestServer;
const clock = new TestClock();
beforeAll(async () => {
  t = await startTestServer({ now: clock.now });
});
afterAll(() => t.close());

const usersArn = () => `arn:aws:iam::${t.accountId}:user/`;

describe('identity-based policies', () => {
  it('a user without any policy is denied with AWS message', async () => {
    const nobody = addUser(t, 'nobody');
    const e = await sdkError(t.iamAs(nobody.keys).send(new ListUsersCommand({})));
    expect(e).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(e.message).toBe(`User: ${nobody.arn} is not authorized to perform: iam:ListUsers on resource: ${usersArn()} because no identity-based policy allows the iam:ListUsers action`);
  });

  it('an explicit deny wins and says so', async () => {
    const denied = addUser(t, 'denied', {
      all: policy({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }),
      no: policy({ Effect: 'Deny', Action: 'iam:ListUsers', Resource: '*' }),
    });
    const e = await sdkError(t.iamAs(denied.keys).send(new ListUsersCommand({})));
    expect(e.message).toBe(`User: ${denied.arn} is not authorized to perform: iam:ListUsers on resource: ${usersArn()} with an explicit deny in an identity-based policy`);
  });

  it('a permissions boundary limits what the identity policies allow', async () => {
    const bounded = addUser(t, 'bounded', { all: policy({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }) });
    const boundary = createPolicy(t.server.state.db, t.accountId, { name: 'OnlyGet', path: '/', document: policy({ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' }) }, new Date());
    setUserBoundary(t.server.state.db, 'bounded', boundary.arn);
    const e = await sdkError(t.iamAs(bounded.keys).send(new ListUsersCommand({})));
    expect(e.message).toBe(`User: ${bounded.arn} is not authorized to perform: iam:ListUsers on resource: ${usersArn()} because no permissions boundary allows the iam:ListUsers action`);
    expect((await t.iamAs(bounded.keys).send(new GetUserCommand({}))).User?.UserName).toBe('bounded');
  });

  it('a policy change takes effect on the next call (compiled policies are not served stale)', async () => {
    const later = addUser(t, 'later');
    expect((await sdkError(t.iamAs(later.keys).send(new ListUsersCommand({})))).name).toBe('AccessDenied');
    await t.iam.send(new PutUserPolicyCommand({ UserName: 'later', PolicyName: 'list', PolicyDocument: policy({ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }) }));
    const out = await t.iamAs(later.keys).send(new ListUsersCommand({}));
    expect(out.Users?.map((u) => u.UserName)).toContain('later');
  });

  it('aws:username in a resource lets a user read only themself', async () => {
    const self = addUser(t, 'selfish', { me: policy({ Effect: 'Allow', Action: 'iam:GetUser', Resource: 'arn:aws:iam::*:user/${aws:username}' }) });
    expect((await t.iamAs(self.keys).send(new GetUserCommand({ UserName: 'selfish' }))).User?.Arn).toBe(self.arn);
    const e = await sdkError(t.iamAs(self.keys).send(new GetUserCommand({ UserName: 'nobody' })));
    expect(e.message).toBe(`User: ${self.arn} is not authorized to perform: iam:GetUser on resource: arn:aws:iam::${t.accountId}:user/nobody because no identity-based policy allows the iam:GetUser action`);
  });

  it('the root user may do everything', async () => {
    expect((await t.iam.send(new ListUsersCommand({}))).Users?.length).toBeGreaterThan(0);
  });
});

describe('the IAM User Guide force-MFA self-service policy', () => {
  let sam: ReturnType<typeof addUser>;
  let mfa: Awaited<ReturnType<typeof enrollMfa>>;
  beforeAll(async () => {
    sam = addUser(t, 'sam');
    const managed = createPolicy(t.server.state.db, t.accountId, { name: 'ForceMFA', path: '/', document: FORCE_MFA }, new Date());
    attachPolicy(t.server.state.db, { type: 'user', id: sam.user.id }, managed.arn);
    addUser(t, 'victim');
    mfa = await enrollMfa(t, sam.user, clock);
  });

  it('without MFA: GetUser works, managing own keys is explicitly denied', async () => {
    expect((await t.iamAs(sam.keys).send(new GetUserCommand({}))).User?.UserName).toBe('sam');
    const e = await sdkError(t.iamAs(sam.keys).send(new ListAccessKeysCommand({})));
    expect(e.message).toBe(`User: ${sam.arn} is not authorized to perform: iam:ListAccessKeys on resource: ${sam.arn} with an explicit deny in an identity-based policy`);
    // Session credentials opened without MFA do not help: IAM does not take them at all (as AWS answers).
    const plain = sessionKeys((await t.stsAs(sam.keys).send(new GetSessionTokenCommand({}))).Credentials);
    expect(await sdkError(t.iamAs(plain).send(new ListAccessKeysCommand({})))).toMatchObject({ name: 'InvalidClientTokenId', status: 403 });
  });

  it('with an MFA session: manages own keys, but not another user\'s', async () => {
    const session = sessionKeys((await t.stsAs(sam.keys).send(new GetSessionTokenCommand({ SerialNumber: mfa.serialNumber, TokenCode: mfa.code() }))).Credentials);
    const iam = t.iamAs(session);
    const keys = await iam.send(new ListAccessKeysCommand({}));
    expect(keys.AccessKeyMetadata?.map((k) => k.AccessKeyId)).toEqual([sam.keys.accessKeyId]);
    const created = await iam.send(new CreateAccessKeyCommand({}));
    expect(created.AccessKey?.UserName).toBe('sam');
    await iam.send(new DeleteAccessKeyCommand({ AccessKeyId: created.AccessKey!.AccessKeyId! }));
    const e = await sdkError(iam.send(new ListAccessKeysCommand({ UserName: 'victim' })));
    expect(e.message).toBe(
      `User: ${sam.arn} is not authorized to perform: iam:ListAccessKeys on resource: arn:aws:iam::${t.accountId}:user/victim because no identity-based policy allows the iam:ListAccessKeys action`,
    );
    expect((await sdkError(iam.send(new CreateAccessKeyCommand({ UserName: 'victim' })))).name).toBe('AccessDenied');
  });
});
