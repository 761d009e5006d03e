// What GetSessionToken credentials may call (IAM User Guide, "Comparing AWS STS credentials"): IAM only when the
// session was opened with MFA (else 403 InvalidClientTokenId, as AWS answers), STS only AssumeRole and
// GetCallerIdentity. Assumed-role credentials are not affected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetUserCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { startTestServer, type Keys, type TestServer } from './helpers/start-server.ts';
import { addRole, addUser, enrollMfa, policy, sdkError, sessionKeys, TestClock, type TestUser } from './helpers/fixtures.ts';
import { isWellFormedXml, rawCall } from './helpers/raw-call.ts';

const INVALID = 'The security token included in the request is invalid.';
const ADMIN = policy({ Effect: 'Allow', Action: '*', Resource: '*' });

let t: TestServer;
const clock = new TestClock();
let admin: TestUser;
let plain: Keys;

beforeAll(async () => {
  t = await startTestServer({ now: clock.now });
  admin = addUser(t, 'scope-admin', { admin: ADMIN });
  plain = sessionKeys((await t.stsAs(admin.keys).send(new GetSessionTokenCommand({}))).Credentials);
});
afterAll(() => t.close());

describe('IAM with GetSessionToken credentials', () => {
  it('refuses a session opened without MFA with InvalidClientTokenId, even for an administrator', async () => {
    expect((await t.iamAs(admin.keys).send(new ListUsersCommand({}))).Users?.length).toBeGreaterThan(0);
    const refused = { name: 'InvalidClientTokenId', status: 403, message: INVALID };
    expect(await sdkError(t.iamAs(plain).send(new ListUsersCommand({})))).toMatchObject(refused);
    expect(await sdkError(t.iamAs(plain).send(new GetUserCommand({})))).toMatchObject(refused);
  });

  it('answers in IAM’s error envelope, before looking at the action', async () => {
    for (const action of ['ListUsers', 'NoSuchAction']) {
      const res = await rawCall(t.url, plain, `Action=${action}&Version=2010-05-08`);
      expect(res.status).toBe(403);
      expect(isWellFormedXml(res.text)).toBe(true);
      expect(res.text).toContain('<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">');
      expect(res.text.replace(/>\s+</g, '><')).toContain(`<Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>${INVALID}</Message></Error>`);
      expect(res.text).toContain(`<RequestId>${res.requestId}</RequestId>`);
    }
  });

  it('accepts a session opened with MFA', async () => {
    const mfa = await enrollMfa(t, admin.user, clock);
    const withMfa = sessionKeys((await t.stsAs(admin.keys).send(new GetSessionTokenCommand({ SerialNumber: mfa.serialNumber, TokenCode: mfa.code() }))).Credentials);
    expect((await t.iamAs(withMfa).send(new GetUserCommand({}))).User?.UserName).toBe('scope-admin');
  });

  it('refuses the root user’s session credentials the same way', async () => {
    const root = sessionKeys((await t.sts.send(new GetSessionTokenCommand({}))).Credentials);
    expect(await sdkError(t.iamAs(root).send(new ListUsersCommand({})))).toMatchObject({ name: 'InvalidClientTokenId', status: 403, message: INVALID });
    expect((await t.stsAs(root).send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:iam::${t.accountId}:root`);
    expect((await t.iam.send(new ListUsersCommand({}))).Users?.length).toBeGreaterThan(0);
  });

  it('leaves assumed-role credentials alone, even when the role was assumed with session credentials opened without MFA', async () => {
    addRole(t, 'ScopeReader', policy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${t.accountId}:root` }, Action: 'sts:AssumeRole' }), {
      inline: { read: policy({ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }) },
    });
    const assumed = await t.stsAs(plain).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${t.accountId}:role/ScopeReader`, RoleSessionName: 'chained' }));
    expect((await t.iamAs(sessionKeys(assumed.Credentials)).send(new ListUsersCommand({}))).Users?.length).toBeGreaterThan(0);
  });
});

describe('STS with GetSessionToken credentials', () => {
  it('allows GetCallerIdentity and AssumeRole', async () => {
    expect((await t.stsAs(plain).send(new GetCallerIdentityCommand({}))).Arn).toBe(admin.arn);
    // AssumeRole is reached: its answer is the trust policy's (here: no such role), not the credentials'.
    const e = await sdkError(t.stsAs(plain).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${t.accountId}:role/Missing`, RoleSessionName: 'probe' })));
    expect(e.name).toBe('AccessDenied');
    expect(e.message).toContain('is not authorized to perform: sts:AssumeRole');
  });

  it('refuses GetSessionToken with AccessDenied, with or without MFA and before validating the parameters', async () => {
    const user = addUser(t, 'scope-mfa-user');
    const mfa = await enrollMfa(t, user.user, clock);
    const withMfa = sessionKeys((await t.stsAs(user.keys).send(new GetSessionTokenCommand({ SerialNumber: mfa.serialNumber, TokenCode: mfa.code() }))).Credentials);
    for (const keys of [plain, withMfa]) {
      for (const input of [{}, { DurationSeconds: 100 }]) {
        expect(await sdkError(t.stsAs(keys).send(new GetSessionTokenCommand(input)))).toMatchObject({
          name: 'AccessDenied', status: 403, message: 'Cannot call GetSessionToken with session credentials',
        });
      }
    }
    const res = await rawCall(t.url, plain, 'Action=GetSessionToken&Version=2011-06-15', { service: 'sts' });
    expect(res.text).toContain('<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">');
    expect(res.text).toContain('<Code>AccessDenied</Code>');
  });
});
