// "Sign out of all sessions": every session of the signed-in principal ends (its other browsers, a stolen
// cookie), other principals' sessions stay, and an ended session cannot come back.
import { join } from 'node:path';
import type { SessionData } from 'express-session';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { browser, createHarness } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { admin, fakeAws, mfaUser, signInHandlers } from './helpers/fake-aws.ts';
import { SqliteSessionStore } from '../src/session/sqlite-store.ts';
import { expectEndedSessionsStayEnded } from './helpers/store-contract.ts';

let h: Harness;
afterEach(() => h?.close());

function setup(env: Record<string, string> = {}) {
  const aws = fakeAws({ ...signInHandlers([admin, mfaUser]).handlers, ListUsers: () => ({ Users: [], IsTruncated: false }) });
  h = createHarness(aws.makeClients, { env });
}

const signedInAs = async (keys: { accessKeyId: string; secretAccessKey: string; mfaCode?: string | undefined }) => {
  const b = await browser(h.app);
  const res = await b.signIn({ accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey, ...(keys.mfaCode ? { mfaCode: keys.mfaCode } : {}) });
  expect(res.status).toBe(200);
  return b;
};

describe('POST /api/session/sign-out-everywhere', () => {
  it('ends every session of the caller’s principal, this one included, and no one else’s', async () => {
    setup();
    const first = await signedInAs(admin);
    const second = await signedInAs(admin);
    const other = await signedInAs(mfaUser);
    for (const b of [first, second, other]) expect((await b.get('/api/users')).status).toBe(200);

    const res = await first.post('/api/session/sign-out-everywhere');
    expect(res.status).toBe(204);
    expect(String(res.headers['set-cookie'])).toMatch(/^iam-console\.sid=;/); // the browser drops its cookie

    for (const b of [first, second]) {
      const after = await b.get('/api/users');
      expect([after.status, after.body.error.code]).toEqual([401, 'NotSignedIn']);
      expect((await b.get('/api/session')).body.signedIn).toBe(false);
    }
    expect((await other.get('/api/users')).status).toBe(200);
    expect((await other.get('/api/session')).body.identity.arn).toBe(mfaUser.arn);
    // Audited with its caller and target.
    const entry = h.auditLog.list({ limit: 10 }).find((e) => e.operation === 'SignOutEverywhere');
    expect(entry).toMatchObject({ callerArn: admin.arn, target: admin.arn, result: 'success', httpStatus: 204 });
  });

  it('is refused without the CSRF token, and to someone not signed in', async () => {
    setup();
    const b = await signedInAs(admin);
    const forged = await b.agent.post('/api/session/sign-out-everywhere').send({});
    expect([forged.status, forged.body.error.code]).toEqual([403, 'CsrfTokenInvalid']);
    expect((await b.get('/api/users')).status).toBe(200);

    const anonymous = await browser(h.app);
    const res = await anonymous.post('/api/session/sign-out-everywhere');
    expect([res.status, res.body.error.code]).toEqual([401, 'NotSignedIn']);
  });
});

describe('the session cookie', () => {
  it('is __Host-iam-console.sid when Secure (Secure, Path=/, no Domain), and sign-out drops that very cookie', async () => {
    setup({ COOKIE_SECURE: 'true', TRUST_PROXY: '1' });
    // A browser behind the TLS proxy: supertest's own cookie jar would not send Secure cookies over http.
    const jar = new Map<string, string>();
    const send = async <T extends request.Test>(test: T) => {
      const res = await test.set('x-forwarded-proto', 'https').set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
      for (const c of ([] as string[]).concat(res.headers['set-cookie'] ?? [])) {
        const [pair] = c.split(';');
        const [name, value] = [pair!.slice(0, pair!.indexOf('=')), pair!.slice(pair!.indexOf('=') + 1)];
        if (value) jar.set(name, value);
        else jar.delete(name);
      }
      return res;
    };
    const csrf = (await send(request(h.app).get('/api/session'))).body.csrfToken as string;
    const signIn = await send(request(h.app).post('/api/session').set('x-csrf-token', csrf).send({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey }));
    expect(signIn.status).toBe(200);
    const cookie = ([] as string[]).concat(signIn.headers['set-cookie'] ?? []).find((c) => c.includes('iam-console.sid='));
    expect(cookie).toMatch(/^__Host-iam-console\.sid=s%3A/);
    expect(cookie).toMatch(/; Path=\/(;|$)/);
    expect(cookie).toMatch(/; Secure(;|$)/);
    expect(cookie).not.toMatch(/Domain=/i);
    expect((await send(request(h.app).get('/api/users'))).status).toBe(200);
    const out = await send(request(h.app).delete('/api/session').set('x-csrf-token', signIn.body.csrfToken as string));
    expect(out.status).toBe(204);
    const cleared = ([] as string[]).concat(out.headers['set-cookie'] ?? []).find((c) => c.includes('iam-console.sid='));
    expect(cleared).toMatch(/^__Host-iam-console\.sid=;.*Path=\/.*Secure/);
  });

  it('keeps its plain name on loopback without TLS, where a __Host- cookie would be dropped', async () => {
    setup();
    const b = await browser(h.app);
    const res = await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.includes('iam-console.sid='));
    expect(cookie).toMatch(/^iam-console\.sid=s%3A/);
    expect(cookie).not.toMatch(/; Secure/);
  });
});

describe('the SQLite store', () => {
  it('ends every session of a principal, and an ended id cannot be saved again', async () => {
    setup();
    await expectEndedSessionsStayEnded(h.store);
  });

  it('forgets ended ids once nothing can be in flight any more (purge)', async () => {
    let now = Date.now();
    setup();
    const store = new SqliteSessionStore({ file: join(h.dataDir, 'purge.sqlite'), defaultTtlMs: 60_000, now: () => now });
    try {
      const sess = { cookie: { expires: new Date(now + 60_000) } } as unknown as SessionData;
      store.destroy('gone');
      now += 61 * 60_000;
      store.purgeExpired();
      sess.cookie.expires = new Date(now + 60_000);
      store.set('gone', sess);
      expect(await new Promise((resolve) => store.get('gone', (_err, value) => resolve(value)))).not.toBeNull();
    } finally {
      store.close();
    }
  });
});
