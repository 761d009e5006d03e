import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createCredentialCipher } from '../src/session/credential-cipher.ts';
import { createHarness, browser } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { admin, awsError, fakeAws, mfaUser, root, signInHandlers } from './helpers/fake-aws.ts';

let h: Harness;
afterEach(() => h?.close());

function setup(options: Parameters<typeof createHarness>[1] = {}, expiresInMs?: number) {
  const sts = signInHandlers([admin, mfaUser, root], expiresInMs);
  const aws = fakeAws({
    ...sts.handlers,
    ListUsers: () => ({ Users: [{ UserName: 'alice', UserId: 'AIDAALICE', Arn: admin.arn, Path: '/', CreateDate: new Date('2024-01-01T00:00:00Z') }], IsTruncated: false }),
  });
  h = createHarness(aws.makeClients, options);
  return aws;
}

const sessionCookie = (res: { headers: Record<string, unknown> }) =>
  ([] as string[]).concat((res.headers['set-cookie'] as string[] | undefined) ?? []).find((c) => /^(__Host-)?iam-console\.sid=/.test(c)); // __Host- when Secure

describe('sign-in', () => {
  it('signs in without MFA with the verified long-term key itself: GetSessionToken credentials could not call IAM', async () => {
    const aws = setup();
    const b = await browser(h.app);
    const res = await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ signedIn: true, identity: { arn: admin.arn, type: 'user', userName: 'alice', accountId: '123456789012', accountAlias: 'example-corp' }, mfaAuthenticated: false });
    expect(aws.calls.some((c) => c.command === 'GetSessionToken')).toBe(false);
    const users = await b.get('/api/users');
    expect(users.status).toBe(200);
    const listCall = aws.calls.find((c) => c.command === 'ListUsers');
    expect(listCall?.caller).toEqual({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    // Nothing of the key reaches the browser.
    expect(JSON.stringify([res.body, users.body])).not.toContain(admin.secretAccessKey);
  });

  it('signs in with an MFA code through GetSessionToken: later calls use the temporary credentials', async () => {
    const aws = setup();
    const b = await browser(h.app);
    const res = await b.signIn({ accessKeyId: mfaUser.accessKeyId, secretAccessKey: mfaUser.secretAccessKey, mfaCode: mfaUser.mfaCode });
    expect(res.status).toBe(200);
    expect(res.body.mfaAuthenticated).toBe(true);
    expect(aws.calls.find((c) => c.command === 'GetSessionToken')?.input).toMatchObject({ SerialNumber: mfaUser.mfaSerial, TokenCode: mfaUser.mfaCode });
    expect((await b.get('/api/users')).status).toBe(200);
    const listCall = aws.calls.find((c) => c.command === 'ListUsers');
    expect(listCall?.caller?.accessKeyId).toMatch(/^ASIA/);
    expect(listCall?.caller?.sessionToken).toBeTruthy();
  });

  it('refuses a wrong secret with 401 InvalidCredentials carrying AWS’s reason', async () => {
    setup();
    const b = await browser(h.app);
    const res = await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: 'wrong-secret' });
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'InvalidCredentials', status: 401 });
    expect(res.body.error.message).toContain('signature');
    expect((await b.get('/api/session')).body.signedIn).toBe(false);
  });

  it('asks for an MFA code when the user has a device, then accepts the right code', async () => {
    setup();
    const b = await browser(h.app);
    // An empty code field counts as no code.
    const first = await b.signIn({ accessKeyId: mfaUser.accessKeyId, secretAccessKey: mfaUser.secretAccessKey, mfaCode: '' });
    expect(first.status).toBe(401);
    expect(first.body.error).toMatchObject({ code: 'MfaRequired', mfaSerialNumber: mfaUser.mfaSerial });
    const second = await b.signIn({ accessKeyId: mfaUser.accessKeyId, secretAccessKey: mfaUser.secretAccessKey, mfaCode: mfaUser.mfaCode });
    expect(second.status).toBe(200);
    expect(second.body.mfaAuthenticated).toBe(true);
  });

  it('does not ask for a code from a FIDO security key (STS takes none from it), only from the devices that give one', async () => {
    const sts = signInHandlers([admin, mfaUser]);
    const securityKey = (user: string) => ({ UserName: user, SerialNumber: `arn:aws:iam::123456789012:u2f/user/${user}/fidosecuritykey-ABCDEFGHIJKLMNOP`, EnableDate: new Date() });
    const aws = fakeAws({
      ...sts.handlers,
      ListMFADevices: (input, caller) => {
        sts.principalOf(caller);
        if (input.UserName === 'alice') return { MFADevices: [securityKey('alice')] };
        return { MFADevices: [securityKey('bob'), { UserName: 'bob', SerialNumber: mfaUser.mfaSerial, EnableDate: new Date() }] };
      },
    });
    h = createHarness(aws.makeClients);
    // alice has only a security key: she signs in without MFA, as a user without devices does.
    const onlyKey = await (await browser(h.app)).signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    expect(onlyKey.status).toBe(200);
    expect(onlyKey.body.mfaAuthenticated).toBe(false);
    // bob has a security key and a virtual device: only the virtual device is offered.
    const b = await browser(h.app);
    const asked = await b.signIn({ accessKeyId: mfaUser.accessKeyId, secretAccessKey: mfaUser.secretAccessKey });
    expect(asked.status).toBe(401);
    expect(asked.body.error).toMatchObject({ code: 'MfaRequired', mfaSerialNumber: mfaUser.mfaSerial, mfaSerialNumbers: [mfaUser.mfaSerial] });
    const signedIn = await b.signIn({ accessKeyId: mfaUser.accessKeyId, secretAccessKey: mfaUser.secretAccessKey, mfaCode: mfaUser.mfaCode });
    expect(signedIn.body.mfaAuthenticated).toBe(true);
  });

  it('refuses a wrong MFA code with 401 InvalidMfaCode', async () => {
    setup();
    const b = await browser(h.app);
    const res = await b.signIn({ accessKeyId: mfaUser.accessKeyId, secretAccessKey: mfaUser.secretAccessKey, mfaCode: '000000' });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('InvalidMfaCode');
    expect(res.body.error.requestId).toMatch(/^req-/);
  });

  it('lets the root user sign in without MFA lookup', async () => {
    const aws = setup();
    const b = await browser(h.app);
    const res = await b.signIn({ accessKeyId: root.accessKeyId, secretAccessKey: root.secretAccessKey });
    expect(res.status).toBe(200);
    expect(res.body.identity).toMatchObject({ type: 'root', arn: root.arn });
    expect(aws.calls.some((c) => c.command === 'ListMFADevices')).toBe(false);
  });

  it('works where AWS refuses IAM calls from GetSessionToken credentials opened without MFA', async () => {
    const sts = signInHandlers([admin]);
    // Real AWS: GetSessionToken credentials without MFA cannot call IAM (403 InvalidClientTokenId).
    const iam = (answer: Record<string, unknown>) => (_i: Record<string, unknown>, caller: { sessionToken?: string } | undefined) => {
      if (caller?.sessionToken) throw awsError('InvalidClientTokenId', 'The security token included in the request is invalid', 403);
      return answer;
    };
    const aws = fakeAws({ ...sts.handlers, ListAccountAliases: iam({ AccountAliases: ['example-corp'] }), ListUsers: iam({ Users: [], IsTruncated: false }) });
    h = createHarness(aws.makeClients);
    const b = await browser(h.app);
    const res = await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    expect(res.status).toBe(200);
    expect(res.body.identity.accountAlias).toBe('example-corp');
    expect((await b.get('/api/users')).status).toBe(200);
  });

  it('keeps the long-term key of a sign-in without MFA only sealed, drops it at sign-out and at the idle timeout', async () => {
    setup();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(join(h.dataDir, 'sessions.sqlite'), { readonly: true });
    const rows = () => db.prepare('SELECT sid, data FROM sessions').all() as { sid: string; data: string }[];
    const signedInRow = () => rows().find((r) => r.data.includes('sealedCredentials'));
    const b = await browser(h.app);
    await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    const row = signedInRow()!;
    expect(row.data).not.toContain(admin.secretAccessKey);
    expect(row.data).not.toContain(admin.accessKeyId);
    const auth = JSON.parse(row.data).auth;
    expect(auth).toMatchObject({ source: 'access-key', mfaAuthenticated: false, credentialsExpireAt: auth.signedInAt + h.config.sessionAbsoluteMs });
    // Sealed with the harness's key for this session id: the long-term key, no session token.
    const opened = createCredentialCipher(Buffer.alloc(32, 7)).decrypt(auth.sealedCredentials, row.sid);
    expect(opened).toMatchObject({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    expect(opened.sessionToken).toBeUndefined();
    expect((await b.delete('/api/session')).status).toBe(204);
    expect(rows().some((r) => r.sid === row.sid)).toBe(false);

    const idle = await browser(h.app);
    await idle.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    expect(signedInRow()).toBeTruthy();
    h.clock.advance(h.config.sessionIdleMs + 1);
    expect((await idle.get('/api/users')).body.error.code).toBe('SessionExpired');
    expect(signedInRow()).toBeUndefined();
    db.close();
  });

  it('signs in without an alias when the caller may not list aliases, but not past any other failure', async () => {
    const deniedAlias = fakeAws({
      ...signInHandlers([admin]).handlers,
      ListAccountAliases: () => { throw awsError('AccessDenied', `User: ${admin.arn} is not authorized to perform: iam:ListAccountAliases on resource: *`, 403); },
    });
    h = createHarness(deniedAlias.makeClients);
    const ok = await (await browser(h.app)).signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    expect(ok.status).toBe(200);
    expect(ok.body.identity.accountAlias).toBeNull();
    h.close();
    const failing = fakeAws({
      ...signInHandlers([admin]).handlers,
      ListAccountAliases: () => { throw awsError('ServiceFailure', 'The request processing has failed because of an unknown error.', 500); },
    });
    h = createHarness(failing.makeClients);
    const res = await (await browser(h.app)).signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('ServiceFailure');
  });

  it('validates the sign-in body', async () => {
    setup();
    const b = await browser(h.app);
    const res = await b.signIn({ accessKeyId: 'not a key', secretAccessKey: '' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('ValidationError');
    expect(res.body.error.details.length).toBeGreaterThan(0);
  });

  it('rate-limits failed sign-ins per access key id and per IP', async () => {
    setup({ deps: { signInLimits: { windowMs: 60_000, perIp: 6, perAccessKey: 3 } } });
    const b = await browser(h.app);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: 'wrong' })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RateLimited');
    // Another key from the same address: allowed until the per-IP budget (6 refused attempts, 429s included) is spent.
    expect((await b.signIn({ accessKeyId: mfaUser.accessKeyId, secretAccessKey: 'wrong' })).status).toBe(401);
    expect((await b.signIn({ accessKeyId: root.accessKeyId, secretAccessKey: 'wrong' })).status).toBe(429);
  });
});

describe('session lifetime', () => {
  it('issues a new session id at sign-in', async () => {
    setup();
    const b = await browser(h.app);
    const before = sessionCookie(await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey }))!.split(';')[0]!;
    // A browser that already holds a session id (its own, or one planted on it) gets a new one at sign-in.
    const res = await request(h.app).post('/api/session').set('cookie', before).set('x-csrf-token', b.csrf)
      .send({ accessKeyId: root.accessKeyId, secretAccessKey: root.secretAccessKey });
    expect(res.status).toBe(200);
    const after = sessionCookie(res)!.split(';')[0]!;
    expect(after).not.toBe(before);
    expect((await request(h.app).get('/api/session').set('cookie', before)).body.signedIn).toBe(false);
    expect((await request(h.app).get('/api/session').set('cookie', after)).body.identity.arn).toBe(root.arn);
  });

  it('signs the session cookie with HMAC-SHA256 of the configured secret, and ignores a cookie whose signature is wrong', async () => {
    setup();
    const b = await browser(h.app);
    const cookie = sessionCookie(await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey }))!.split(';')[0]!;
    const [, value] = /^iam-console\.sid=s%3A(.+)$/.exec(cookie)!;
    const [sid, signature] = decodeURIComponent(value!).split('.') as [string, string];
    // The harness's secret is the string 'test-cookie-secret': cookies signed before it became a prepared key still open.
    expect(signature).toBe(createHmac('sha256', 'test-cookie-secret').update(sid).digest('base64').replace(/=+$/, ''));
    expect((await request(h.app).get('/api/users').set('cookie', cookie)).status).toBe(200);
    const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
    const forged = `iam-console.sid=s%3A${encodeURIComponent(`${sid}.${flipped}`)}`;
    const refused = await request(h.app).get('/api/users').set('cookie', forged);
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('NotSignedIn');
  });

  it('sets HttpOnly, SameSite=Strict cookies, Secure outside localhost', async () => {
    setup();
    // Sent by hand: a cookie jar keeps a Secure cookie off a plain-HTTP request, and the test speaks plain HTTP.
    const cookies = async (proto = 'http') => {
      const anonymous = await request(h.app).get('/api/session').set('x-forwarded-proto', proto);
      const csrfCookie = String(anonymous.headers['set-cookie']).split(';')[0]!;
      const signIn = await request(h.app).post('/api/session').set('x-forwarded-proto', proto).set('cookie', csrfCookie)
        .set('x-csrf-token', anonymous.body.csrfToken).send({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
      expect(signIn.status).toBe(200);
      // Before sign-in only the CSRF cookie (no stored session); the session cookie comes with the sign-in.
      return [...([] as string[]).concat(anonymous.headers['set-cookie'] ?? []), sessionCookie(signIn)!];
    };
    const plain = await cookies();
    expect(plain).toHaveLength(2);
    expect(plain[0]).toMatch(/^iam-console\.csrf=/);
    for (const cookie of plain) {
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).toMatch(/Path=\//);
      expect(cookie).not.toMatch(/Secure/);
    }
    h.close();
    setup({ env: { HOST: '0.0.0.0', TRUST_PROXY: 'true', PUBLIC_URL: 'https://127.0.0.1' } });
    const secure = await cookies('https');
    expect(secure[0]).toMatch(/^__Host-iam-console\.csrf=/);
    for (const cookie of secure) {
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/HttpOnly/);
    }
  });

  it('ends the session after the idle timeout', async () => {
    setup();
    const b = await browser(h.app);
    await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    h.clock.advance(29 * 60_000);
    expect((await b.get('/api/users')).status).toBe(200);
    h.clock.advance(29 * 60_000); // activity above reset the idle clock
    expect((await b.get('/api/users')).status).toBe(200);
    h.clock.advance(31 * 60_000);
    const res = await b.get('/api/users');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('SessionExpired');
    expect((await b.get('/api/session')).body.signedIn).toBe(false);
  });

  it('re-sends the session cookie with a later expiry when activity is recorded, not with every answer', async () => {
    setup();
    const b = await browser(h.app);
    const signedIn = sessionCookie(await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey }));
    expect(signedIn).toMatch(/Expires=/);
    expect(sessionCookie(await b.get('/api/users'))).toBeUndefined();
    h.clock.advance(6_000); // past the activity granularity: the session records the activity and is saved
    const refreshed = sessionCookie(await b.get('/api/users'));
    expect(refreshed!.split(';')[0]).toBe(signedIn!.split(';')[0]);
    const expiry = (cookie: string) => Date.parse(/Expires=([^;]+)/.exec(cookie)![1]!);
    expect(expiry(refreshed!)).toBeGreaterThanOrEqual(expiry(signedIn!));
    expect(sessionCookie(await b.get('/api/users'))).toBeUndefined();
  });

  it('keeps a short idle timeout (end-to-end tests use seconds) alive while requests keep coming', async () => {
    setup({ env: { SESSION_IDLE_MINUTES: '0.1' } }); // 6 s
    const b = await browser(h.app);
    await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    for (let i = 0; i < 5; i++) {
      h.clock.advance(4_900);
      expect((await b.get('/api/users')).status).toBe(200);
    }
    h.clock.advance(6_100);
    expect((await b.get('/api/users')).body.error.code).toBe('SessionExpired');
  });

  it('ends the session after the absolute timeout even when active', async () => {
    setup({ env: { SESSION_ABSOLUTE_HOURS: '1' } }, 3 * 3_600_000);
    const b = await browser(h.app);
    await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    // Signed in without MFA, so the long-term key's expiry is the absolute timeout itself (the session ends at the hour).
    for (let i = 0; i < 3; i++) {
      h.clock.advance(19 * 60_000);
      expect((await b.get('/api/users')).status).toBe(200);
    }
    h.clock.advance(3 * 60_000);
    const res = await b.get('/api/users');
    expect(res.body.error.code).toBe('SessionExpired');
  });

  it('answers SessionExpired when the temporary credentials of an MFA sign-in have expired', async () => {
    setup({}, 15 * 60_000);
    const b = await browser(h.app);
    expect((await b.signIn({ accessKeyId: mfaUser.accessKeyId, secretAccessKey: mfaUser.secretAccessKey, mfaCode: mfaUser.mfaCode })).body.mfaAuthenticated).toBe(true);
    h.clock.advance(10 * 60_000);
    expect((await b.get('/api/users')).status).toBe(200);
    h.clock.advance(6 * 60_000);
    const res = await b.get('/api/users');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('SessionExpired');
  });

  it('signs out: the session is destroyed and the old cookie is worthless', async () => {
    setup();
    const b = await browser(h.app);
    await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    const out = await b.delete('/api/session');
    expect(out.status).toBe(204);
    const res = await b.get('/api/users');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('NotSignedIn');
  });

  it('treats credentials sealed with another key as an expired session', async () => {
    setup();
    const b = await browser(h.app);
    await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(join(h.dataDir, 'sessions.sqlite'));
    const row = db.prepare("SELECT sid, data FROM sessions WHERE data LIKE '%sealedCredentials%'").get() as { sid: string; data: string };
    const data = JSON.parse(row.data);
    data.auth.sealedCredentials = createCredentialCipher(Buffer.alloc(32, 9)).encrypt({ accessKeyId: 'ASIAX', secretAccessKey: 's', sessionToken: 't', expiration: '2030-01-01T00:00:00Z' }, row.sid);
    db.prepare('UPDATE sessions SET data = ? WHERE sid = ?').run(JSON.stringify(data), row.sid);
    db.close();
    const res = await b.get('/api/users');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('SessionExpired');
  });

  it('opens sealed credentials only in the session they were sealed for', async () => {
    setup();
    const victim = await browser(h.app);
    await victim.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    const attacker = await browser(h.app);
    await attacker.signIn({ accessKeyId: root.accessKeyId, secretAccessKey: root.secretAccessKey }); // a session of its own
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(join(h.dataDir, 'sessions.sqlite'));
    const rows = db.prepare('SELECT sid, data FROM sessions').all() as { sid: string; data: string }[];
    const signedIn = rows.find((r) => r.data.includes(admin.arn))!; // the victim's
    const other = rows.find((r) => r.sid !== signedIn.sid)!;
    // Someone able to write the store copies the sign-in into their own session row.
    const stolen = { ...JSON.parse(other.data), auth: JSON.parse(signedIn.data).auth };
    db.prepare('UPDATE sessions SET data = ? WHERE sid = ?').run(JSON.stringify(stolen), other.sid);
    db.close();
    const res = await attacker.get('/api/users');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('SessionExpired');
    expect((await victim.get('/api/users')).status).toBe(200);
  });

  it('stores no session for anonymous requests, GET /api/session included: a session is stored at sign-in', async () => {
    setup();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(join(h.dataDir, 'sessions.sqlite'), { readonly: true });
    const rows = () => (db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n;
    const anonymous = (await import('supertest')).default(h.app);
    for (let i = 0; i < 20; i++) {
      expect((await anonymous.get('/api/users')).status).toBe(401);
      expect((await anonymous.get('/api/no-such-route')).status).toBe(401);
      expect((await anonymous.post('/api/groups').send({ groupName: 'x' })).status).toBe(403);
    }
    expect(rows()).toBe(0);
    for (let i = 0; i < 100; i++) {
      const res = await anonymous.get('/api/session');
      expect(res.body).toMatchObject({ signedIn: false, csrfToken: expect.stringMatching(/^[\w-]{43}$/) });
      expect(sessionCookie(res)).toBeUndefined();
    }
    expect(rows()).toBe(0);
    const b = await browser(h.app); // GET /api/session: the CSRF token is bound to a cookie, not to a stored session
    for (let i = 0; i < 5; i++) await b.get('/api/users');
    expect(rows()).toBe(0);
    expect((await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey })).status).toBe(200);
    expect(rows()).toBe(1);
    expect((await b.get('/api/users')).status).toBe(200);
    db.close();
  });

  it('refuses API calls without a session', async () => {
    setup();
    const res = await (await browser(h.app)).get('/api/users');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'NotSignedIn', status: 401, message: 'You are not signed in.' } });
  });
});
