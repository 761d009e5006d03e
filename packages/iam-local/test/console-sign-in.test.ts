// The local-only console sign-in (POST /_local/console-sign-in): a password (and MFA code) for temporary
// credentials of the user; a sign-in whose password must be reset may only change it until it does.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ChangePasswordCommand, CreateLoginProfileCommand, GenerateCredentialReportCommand, GetAccountPasswordPolicyCommand, GetCredentialReportCommand,
  GetUserCommand, ListUsersCommand, UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { startTestServer, type Keys, type TestServer } from './helpers/start-server.ts';
import { addUser, enrollMfa, policy, sdkError, TestClock, type EnrolledMfa, type TestUser } from './helpers/fixtures.ts';
import { verifyPassword } from '../src/model/password-hash.ts';

// Counts hash checks (each still runs), so every refusal can be shown to cost one.
vi.mock('../src/model/password-hash.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/model/password-hash.ts')>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});

const ADMIN = policy({ Effect: 'Allow', Action: '*', Resource: '*' });
const INCORRECT = { code: 'SignInFailed', message: 'Your authentication information is incorrect. Please try again.' };

let t: TestServer;
const clock = new TestClock();
let carol: TestUser;
let dave: TestUser;
let dave2fa: EnrolledMfa;

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function signIn(body: unknown, init: { method?: string; contentType?: string } = {}): Promise<Answer> {
  const res = await fetch(`${t.url}/_local/console-sign-in`, {
    method: init.method ?? 'POST',
    headers: { 'content-type': init.contentType ?? 'application/json' },
    ...(init.method === 'GET' ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A sign-in with a Host header of the caller's choice (fetch does not let one set it). */
function signInWithHost(host: string, body: unknown): Promise<Answer> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(`${t.url}/_local/console-sign-in`, { method: 'POST', headers: { host, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(text);
  });
}

function keysOf(answer: Answer): Keys {
  const b = answer.body as { accessKeyId: string; secretAccessKey: string; sessionToken: string };
  return { accessKeyId: b.accessKeyId, secretAccessKey: b.secretAccessKey, sessionToken: b.sessionToken };
}

beforeAll(async () => {
  t = await startTestServer({ now: clock.now });
  carol = addUser(t, 'carol', { admin: ADMIN });
  dave = addUser(t, 'dave', { admin: ADMIN });
  await t.iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 12 }));
  await t.iam.send(new CreateLoginProfileCommand({ UserName: 'carol', Password: 'Carol-first-pass1', PasswordResetRequired: true }));
  await t.iam.send(new CreateLoginProfileCommand({ UserName: 'dave', Password: 'Dave-sign-in-pass1' }));
  dave2fa = await enrollMfa(t, dave.user, clock);
});
afterAll(() => t.close());

describe('POST /_local/console-sign-in', () => {
  it('answers temporary credentials of the user; they call IAM without MFA and record the password’s use', async () => {
    addUser(t, 'erin', { admin: ADMIN });
    await t.iam.send(new CreateLoginProfileCommand({ UserName: 'erin', Password: 'Erin-sign-in-pass1' }));
    const answer = await signIn({ accountId: t.accountId, userName: 'erin', password: 'Erin-sign-in-pass1' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ passwordResetRequired: false, mfaAuthenticated: false, accessKeyId: expect.stringMatching(/^ASIA/) });
    const keys = keysOf(answer);
    expect((await t.stsAs(keys).send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:iam::${t.accountId}:user/erin`);
    expect((await t.iamAs(keys).send(new ListUsersCommand({}))).Users?.length).toBeGreaterThan(0);
    expect((await t.iam.send(new GetUserCommand({ UserName: 'erin' }))).User?.PasswordLastUsed).toBeInstanceOf(Date);
    await t.iam.send(new GenerateCredentialReportCommand({}));
    const report = new TextDecoder().decode((await t.iam.send(new GetCredentialReportCommand({}))).Content);
    const erinRow = report.split('\n').find((line) => line.startsWith('erin,'))?.split(',') ?? [];
    expect(erinRow[4]).toMatch(/^\d{4}-/); // password_last_used
  });

  it('refuses a wrong password, an unknown user and another account with the same message', async () => {
    for (const body of [
      { userName: 'dave', password: 'not-his-password' },
      { userName: 'nobody', password: 'Dave-sign-in-pass1' },
      { accountId: '999999999999', userName: 'dave', password: 'Dave-sign-in-pass1' },
    ]) {
      const answer = await signIn(body);
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject(INCORRECT);
      expect(JSON.stringify(answer.body)).not.toContain('Dave-sign-in-pass1');
    }
  });

  it('asks for the MFA code once the password is right, and refuses a wrong code like a wrong password', async () => {
    expect(await signIn({ userName: 'dave', password: 'Dave-sign-in-pass1' })).toMatchObject({ status: 401, body: { code: 'MfaCodeRequired' } });
    expect(await signIn({ userName: 'dave', password: 'Dave-sign-in-pass1', mfaCode: '000000' })).toMatchObject({ status: 401, body: INCORRECT });
    const answer = await signIn({ userName: 'dave', password: 'Dave-sign-in-pass1', mfaCode: dave2fa.code() });
    expect(answer).toMatchObject({ status: 200, body: { mfaAuthenticated: true } });
  });

  it('refuses malformed requests without a session', async () => {
    expect((await signIn({ userName: 'dave' })).status).toBe(400);
    expect((await signIn('{not json')).status).toBe(400);
    expect((await signIn({ userName: 'dave', password: 'x', durationSeconds: 10 })).status).toBe(400);
    expect((await signIn({ userName: 'dave', password: 'x' }, { contentType: 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await signIn(undefined, { method: 'GET' })).status).toBe(405);
  });

  it('checks one password hash for every refusal, also for a user without a console password', async () => {
    addUser(t, 'gina', {});
    addUser(t, 'hank', {});
    await t.iam.send(new CreateLoginProfileCommand({ UserName: 'gina', Password: 'Gina-sign-in-pass1' }));
    const check = vi.mocked(verifyPassword);
    for (const body of [
      { userName: 'nobody', password: 'Gina-sign-in-pass1' },
      { accountId: '999999999999', userName: 'gina', password: 'Gina-sign-in-pass1' },
      { userName: 'hank', password: 'Hank-sign-in-pass1' },
      { userName: 'gina', password: 'not-her-password' },
      { userName: 'dave', password: 'Dave-sign-in-pass1', mfaCode: '000000' },
    ]) {
      check.mockClear();
      expect(await signIn(body)).toMatchObject({ status: 401, body: INCORRECT });
      expect(check, body.userName).toHaveBeenCalledTimes(1);
    }
  });

  it('answers 421 and no credentials to a request addressed to another host name (DNS rebinding)', async () => {
    const { port } = t.server;
    const body = { userName: 'gina', password: 'Gina-sign-in-pass1' };
    for (const host of [`evil.example:${port}`, 'evil.example', `localhost.evil.example:${port}`, `127.0.0.1.evil.example:${port}`]) {
      const answer = await signInWithHost(host, body);
      expect(answer, host).toMatchObject({ status: 421, body: { code: 'MisdirectedRequest' } });
      expect(answer.body).not.toHaveProperty('accessKeyId');
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'LOCALHOST', `[::1]:${port}`]) {
      expect(await signInWithHost(host, body), host).toMatchObject({ status: 200, body: { accessKeyId: expect.stringMatching(/^ASIA/) } });
    }
  });

  it('throttles a user name after five failures, even with the right password, until the window passes', async () => {
    addUser(t, 'frank', {});
    await t.iam.send(new CreateLoginProfileCommand({ UserName: 'frank', Password: 'Frank-sign-in-pass1' }));
    for (let i = 0; i < 5; i += 1) expect((await signIn({ userName: 'frank', password: `wrong-${i}` })).status).toBe(401);
    const throttled = await signIn({ userName: 'frank', password: 'Frank-sign-in-pass1' });
    expect(throttled).toMatchObject({ status: 429, body: { code: 'Throttling' } });
    clock.offsetMs += 5 * 60 * 1000;
    expect((await signIn({ userName: 'frank', password: 'Frank-sign-in-pass1' })).status).toBe(200);
  });
});

describe('a sign-in whose password must be reset', () => {
  it('may only change the password (and read the policy, and who it is) until it does; then the same session may do all', async () => {
    const answer = await signIn({ userName: 'carol', password: 'Carol-first-pass1' });
    expect(answer).toMatchObject({ status: 200, body: { passwordResetRequired: true } });
    const keys = keysOf(answer);
    const iam = t.iamAs(keys);
    const refused = await sdkError(iam.send(new ListUsersCommand({})));
    expect(refused).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(refused.message).toContain('iam:ListUsers because the password must be changed first');
    expect((await sdkError(t.stsAs(keys).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${t.accountId}:role/x`, RoleSessionName: 's' })))).name).toBe('AccessDenied');
    expect((await t.stsAs(keys).send(new GetCallerIdentityCommand({}))).Arn).toContain(':user/carol');
    expect((await iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy?.MinimumPasswordLength).toBe(12);
    expect((await sdkError(iam.send(new ChangePasswordCommand({ OldPassword: 'Carol-first-pass1', NewPassword: 'short' })))).name).toBe('PasswordPolicyViolationException');
    expect((await sdkError(iam.send(new ListUsersCommand({})))).name).toBe('AccessDenied');
    await iam.send(new ChangePasswordCommand({ OldPassword: 'Carol-first-pass1', NewPassword: 'Carol-second-pass2' }));
    expect((await iam.send(new ListUsersCommand({}))).Users?.length).toBeGreaterThan(0);
    // The next sign-in is an ordinary one.
    expect(await signIn({ userName: 'carol', password: 'Carol-second-pass2' })).toMatchObject({ status: 200, body: { passwordResetRequired: false } });
  });

  it('does not restrict the user’s access keys', async () => {
    expect((await t.iamAs(carol.keys).send(new ListUsersCommand({}))).Users?.length).toBeGreaterThan(0);
  });
});
