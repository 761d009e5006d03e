// The CSRF token of a browser that is not signed in is bound to a cookie of its own rather than to a stored
// session: it works only with that cookie, and not at all once the browser is signed in.
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, browser } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { admin, fakeAws, root, signInHandlers } from './helpers/fake-aws.ts';

let h: Harness;
afterEach(() => h?.close());

const keys = { accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey };

function setup() {
  h = createHarness(fakeAws({ ...signInHandlers([admin, root]).handlers, ListUsers: () => ({ Users: [], IsTruncated: false }) }).makeClients);
}

/** GET /api/session without cookies: the pre-sign-in token and the cookie it is bound to. */
async function anonymous() {
  const res = await request(h.app).get('/api/session');
  const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!);
  expect(cookie).toEqual([expect.stringMatching(/^iam-console\.csrf=[\w-]{43}$/)]);
  return { token: res.body.csrfToken as string, cookie: cookie[0]! };
}

const signIn = (cookie: string | undefined, token: string | undefined, body: object = keys) => {
  let test = request(h.app).post('/api/session');
  if (cookie) test = test.set('cookie', cookie);
  if (token) test = test.set('x-csrf-token', token);
  return test.send(body);
};

describe('the CSRF token before sign-in', () => {
  it('signs in with the token and the cookie it came with', async () => {
    setup();
    const { token, cookie } = await anonymous();
    expect((await signIn(cookie, token)).status).toBe(200);
  });

  it('keeps handing out the same token to a browser that has the cookie, without setting it again', async () => {
    setup();
    const { token, cookie } = await anonymous();
    const again = await request(h.app).get('/api/session').set('cookie', cookie);
    expect(again.body.csrfToken).toBe(token);
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('refuses the token without its cookie, with another browser\'s cookie, or a cookie without a token', async () => {
    setup();
    const one = await anonymous();
    const other = await anonymous();
    expect(one.token).not.toBe(other.token);
    for (const [cookie, token] of [[undefined, one.token], [other.cookie, one.token], [one.cookie, undefined], [one.cookie, other.token], [one.cookie, one.cookie.split('=')[1]]] as const) {
      const res = await signIn(cookie, token);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('CsrfTokenInvalid');
    }
  });

  it('refuses a token a client made up for a cookie of its own choosing (the token is an HMAC under the server\'s key)', async () => {
    setup();
    const made = 'A'.repeat(43);
    expect((await signIn(`iam-console.csrf=${made}`, made)).status).toBe(403);
    expect((await signIn('iam-console.csrf=', '')).status).toBe(403);
  });

  it('stops working at sign-in: the signed-in session accepts only its own token, even with the cookie still sent', async () => {
    setup();
    const b = await browser(h.app);
    const before = b.csrf;
    expect((await b.signIn(keys)).status).toBe(200);
    expect(b.csrf).not.toBe(before);
    // The agent still sends the pre-sign-in cookie along with the session cookie.
    const old = await b.agent.post('/api/groups').set('x-csrf-token', before).send({ groupName: 'x' });
    expect(old.status).toBe(403);
    expect(old.body.error.code).toBe('CsrfTokenInvalid');
    const signOut = await b.agent.delete('/api/session').set('x-csrf-token', before);
    expect(signOut.status).toBe(403);
    expect((await b.get('/api/session')).body).toMatchObject({ signedIn: true, csrfToken: b.csrf });
  });

  it('after an expired session, hands out that session\'s token, which signs in again', async () => {
    setup();
    const b = await browser(h.app);
    expect((await b.signIn(keys)).status).toBe(200);
    h.clock.advance(h.config.sessionIdleMs + 1);
    const expired = await b.get('/api/session');
    expect(expired.body).toMatchObject({ signedIn: false, sessionExpired: true, csrfToken: b.csrf });
    expect((await b.signIn({ accessKeyId: root.accessKeyId, secretAccessKey: root.secretAccessKey })).status).toBe(200);
  });
});
