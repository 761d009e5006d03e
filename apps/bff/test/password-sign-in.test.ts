// Sign-in with an IAM user's console password (local mode only) against the real embedded endpoint seeded with
// the demo account: a password that must be changed at first sign-in leaves a session that may only change it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateLoginProfileCommand, CreateUserCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoIdentities } from '../src/session/demo-identities.ts';
import { browser, createHarness } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { startEndpoint } from './helpers/iam-endpoint.ts';
import type { Endpoint } from './helpers/iam-endpoint.ts';

const BOB_PASSWORD = 'Bob-Demo-Passw0rd!';
const PAT_PASSWORD = 'Pat-first-Passw0rd-1!';
const PAT_NEW_PASSWORD = 'Pat-changed-Passw0rd-42!';
// The IAM User Guide's "IAM: Allows IAM users to change their own password" (its console example).
const CHANGE_OWN_PASSWORD = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 'iam:GetAccountPasswordPolicy', Resource: '*' },
    { Effect: 'Allow', Action: ['iam:GetUser', 'iam:ChangePassword'], Resource: 'arn:aws:iam::*:user/${aws:username}' },
  ],
});
const INCORRECT = { code: 'SignInFailed', message: 'Your authentication information is incorrect. Please try again.' };

let endpoint: Endpoint;
let h: Harness;

/** Every byte the BFF wrote: its log lines and every file of its data directory (sessions, audit log). */
function everythingWritten(): string {
  const files = readdirSync(h.dataDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return [...h.logs, ...files.map((f) => readFileSync(join(f.parentPath, f.name)).toString('latin1'))].join('\n');
}

beforeAll(async () => {
  endpoint = await startEndpoint('demo');
  const demo = DemoIdentities.load(join(endpoint.dataDir, 'demo-identities.json'));
  const root = endpoint.iamAs(endpoint.rootKeys);
  await root.send(new CreateUserCommand({ UserName: 'pat' }));
  await root.send(new PutUserPolicyCommand({ UserName: 'pat', PolicyName: 'change-own-password', PolicyDocument: CHANGE_OWN_PASSWORD }));
  await root.send(new CreateLoginProfileCommand({ UserName: 'pat', Password: PAT_PASSWORD, PasswordResetRequired: true }));
  h = createHarness(endpoint.makeClients, {
    env: { AWS_ENDPOINT_URL_IAM: endpoint.url, AWS_ENDPOINT_URL_STS: endpoint.url },
    deps: { demoIdentities: demo },
  });
});

afterAll(async () => {
  h?.close();
  await endpoint?.close();
});

describe('password sign-in', () => {
  it('refuses a wrong password, an unknown user and another account alike, without saying which part was wrong', async () => {
    const b = await browser(h.app);
    for (const body of [
      { userName: 'bob', password: 'Not-bobs-passw0rd' },
      { userName: 'nobody-here', password: BOB_PASSWORD },
      { accountId: '999999999999', userName: 'bob', password: BOB_PASSWORD },
    ]) {
      const res = await b.signIn(body);
      expect(res.status).toBe(401);
      expect(res.body.error).toMatchObject(INCORRECT);
    }
    expect((await b.get('/api/session')).body.signedIn).toBe(false);
  });

  it('signs a user in whose password must be changed; the session may only change it, then it reaches the console', async () => {
    const b = await browser(h.app);
    const before = (await b.get('/api/session')).headers['set-cookie'];
    const res = await b.signIn({ accountId: endpoint.accountId, userName: 'pat', password: PAT_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ signedIn: true, passwordResetRequired: true, identity: { type: 'user', userName: 'pat' } });
    expect(res.headers['set-cookie']).not.toEqual(before); // a new session id at sign-in

    const users = await b.get('/api/users');
    expect(users.status).toBe(403);
    expect(users.body.error).toMatchObject({ code: 'AccessDenied', message: expect.stringContaining('password must be changed first') });
    const policy = await b.get('/api/account/password-policy');
    expect(policy.status).toBe(200);

    const tooShort = await b.put('/api/me/password', { oldPassword: PAT_PASSWORD, newPassword: 'short' });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.error.code).toBe('PasswordPolicyViolation');
    expect((await b.get('/api/session')).body.passwordResetRequired).toBe(true);

    expect((await b.put('/api/me/password', { oldPassword: PAT_PASSWORD, newPassword: PAT_NEW_PASSWORD })).status).toBe(204);
    const after = await b.get('/api/session');
    expect(after.body).toMatchObject({ signedIn: true, identity: { userName: 'pat' } });
    expect(after.body.passwordResetRequired).toBeUndefined();
    const me = await b.get('/api/me/security-credentials');
    expect(me.status, JSON.stringify(me.body)).toBe(200);
    // Beyond the restriction, IAM decides by the user's own policies again: the same session, no new sign-in.
    expect((await b.get('/api/users')).body.error.message).not.toContain('password must be changed first');

    const again = await (await browser(h.app)).signIn({ userName: 'pat', password: PAT_NEW_PASSWORD });
    expect(again.status).toBe(200);
    expect(again.body.passwordResetRequired).toBeUndefined();
  });

  it('signs bob in with his seeded first password; his Force_MFA policy itself denies ChangePassword without MFA', async () => {
    // The IAM User Guide's Force_MFA example says so: it "does not allow users to reset a password while signing
    // in to the AWS Management Console for the first time".
    const b = await browser(h.app);
    const res = await b.signIn({ userName: 'bob', password: BOB_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.passwordResetRequired).toBe(true);
    const change = await b.put('/api/me/password', { oldPassword: BOB_PASSWORD, newPassword: PAT_NEW_PASSWORD });
    expect(change.status).toBe(403);
    expect(change.body.error.message).toContain('explicit deny');
    expect((await b.get('/api/session')).body.passwordResetRequired).toBe(true);
  });

  it('audits the sign-in by user name and never writes a password to the log, the audit log or the session store', async () => {
    const entries = h.auditLog.list({ limit: 100 }).filter((e) => e.operation === 'SignIn');
    expect(entries.map((e) => e.target)).toEqual(expect.arrayContaining(['user:bob', 'user:pat']));
    const written = everythingWritten();
    for (const secret of [BOB_PASSWORD, PAT_PASSWORD, PAT_NEW_PASSWORD, 'Not-bobs-passw0rd']) expect(written).not.toContain(secret);
  });

  /** A console built with these options answers a password sign-in 400 PasswordSignInUnavailable. */
  async function expectUnavailable(options: Parameters<typeof createHarness>[1]) {
    const other = createHarness(endpoint.makeClients, options);
    try {
      const res = await (await browser(other.app)).signIn({ userName: 'pat', password: PAT_NEW_PASSWORD });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('PasswordSignInUnavailable');
    } finally {
      other.close();
    }
  }

  it('exists in local mode only', async () => {
    await expectUnavailable({ env: { AWS_ENDPOINT_URL_IAM: endpoint.url, AWS_ENDPOINT_URL_STS: endpoint.url } });
  });

  it('is unavailable when the IAM endpoint is not on this machine, even with the demo identities', async () => {
    await expectUnavailable({
      env: { AWS_ENDPOINT_URL_IAM: 'http://iam.invalid:4566', AWS_ENDPOINT_URL_STS: 'http://iam.invalid:4566' },
      deps: { demoIdentities: DemoIdentities.load(join(endpoint.dataDir, 'demo-identities.json')) },
    });
  });
});
