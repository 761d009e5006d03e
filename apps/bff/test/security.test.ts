import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, browser } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { admin, awsError, fakeAws, mfaUser, signInHandlers } from './helpers/fake-aws.ts';

let h: Harness;
afterEach(() => h?.close());

function setup() {
  const aws = fakeAws({
    ...signInHandlers([admin, mfaUser]).handlers,
    ListUsers: () => ({ Users: Array.from({ length: 50 }, (_, i) => ({ UserName: `user-${i}`, UserId: `AIDA${i}`, Arn: `arn:aws:iam::123456789012:user/user-${i}`, Path: '/', CreateDate: new Date() })), IsTruncated: false }),
    CreateGroup: (i) => ({ Group: { GroupName: i.GroupName, GroupId: 'AGPAX', Arn: 'arn:aws:iam::123456789012:group/x', Path: '/', CreateDate: new Date() } }) });
  h = createHarness(aws.makeClients);
  return aws;
}

describe('CSRF', () => {
  it('refuses a state-changing request without the token, or with a wrong one', async () => {
    setup();
    const b = await browser(h.app);
    await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    const none = await b.agent.post('/api/groups').send({ groupName: 'x' });
    expect(none.status).toBe(403);
    expect(none.body.error.code).toBe('CsrfTokenInvalid');
    const wrong = await b.agent.post('/api/groups').set('x-csrf-token', 'A'.repeat(43)).send({ groupName: 'x' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('CsrfTokenInvalid');
    const right = await b.post('/api/groups', { groupName: 'x' });
    expect(right.status).toBe(201);
  });

  it('refuses the sign-in POST itself without the token', async () => {
    setup();
    const b = await browser(h.app);
    const res = await b.agent.post('/api/session').send({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CsrfTokenInvalid');
  });

  it('refuses a request from another origin or site even with the token', async () => {
    setup();
    const b = await browser(h.app);
    await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    const origin = await b.post('/api/groups', { groupName: 'x' }).set('origin', 'https://evil.example');
    expect(origin.status).toBe(403);
    expect(origin.body.error.message).toContain('https://evil.example');
    const site = await b.post('/api/groups', { groupName: 'x' }).set('sec-fetch-site', 'cross-site');
    expect(site.status).toBe(403);
    expect(site.body.error.code).toBe('CsrfTokenInvalid');
  });

  it('rotates the token at sign-in: the signed-out token no longer works', async () => {
    setup();
    const b = await browser(h.app);
    const old = b.csrf;
    await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    expect(b.csrf).not.toBe(old);
    const res = await b.agent.post('/api/groups').set('x-csrf-token', old).send({ groupName: 'x' });
    expect(res.status).toBe(403);
  });
});

describe('headers', () => {
  it('sends exactly the agreed Content-Security-Policy', async () => {
    setup();
    const res = await request(h.app).get('/api/session');
    const directives = String(res.headers['content-security-policy']).split(';').map((d) => d.trim()).filter(Boolean);
    expect(directives).toEqual([
      "default-src 'none'", "script-src 'self'", "connect-src 'self'", "worker-src 'self'", "img-src 'self' data:",
      "font-src 'self' data:", "style-src 'self' 'unsafe-inline'", "base-uri 'none'", "form-action 'self'",
      "frame-ancestors 'none'", "object-src 'none'",
    ]);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('turns off the browser features the console does not use, and isolates its window from others', async () => {
    setup();
    mkdirSync(h.config.staticDir, { recursive: true });
    writeFileSync(join(h.config.staticDir, 'index.html'), '<!doctype html>');
    for (const res of [await request(h.app).get('/api/session'), await request(h.app).get('/users').set('accept', 'text/html')]) {
      const policy = String(res.headers['permissions-policy']).split(',').map((d) => d.trim());
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'clipboard-read']) expect(policy).toContain(`${feature}=()`);
      expect(policy).toContain('clipboard-write=(self)'); // the copy buttons
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    }
  });

  it('keeps API answers out of the browser cache, signed in or not, errors included', async () => {
    setup();
    const b = await browser(h.app);
    const anonymous = await b.get('/api/session');
    await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    const users = await b.get('/api/users');
    const missing = await b.get('/api/nothing-here');
    expect([anonymous.status, users.status, missing.status]).toEqual([200, 200, 404]);
    for (const res of [anonymous, users, missing]) {
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers.etag).toBeUndefined();
    }
  });
});

describe('compression', () => {
  it('gzips large JSON responses', async () => {
    setup();
    const b = await browser(h.app);
    await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    const res = await b.get('/api/users').set('accept-encoding', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body.items).toHaveLength(50);
  });
});

describe('secrets', () => {
  it('never writes the secret access key, session token, cookie or CSRF token to the log', async () => {
    setup();
    const b = await browser(h.app);
    const signIn = await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: `${admin.secretAccessKey}-wrong` });
    await b.get('/api/users');
    const log = h.logs.join('');
    expect(log).toContain('/api/session'); // the requests were logged…
    expect(log).not.toContain(admin.secretAccessKey); // …without the secret
    expect(log).not.toContain('temp-secret-');
    expect(log).not.toContain('temp-token-');
    expect(log).not.toContain(b.csrf);
    const cookie = String(signIn.headers['set-cookie']).split(';')[0]!.split('=')[1]!;
    expect(log).not.toContain(cookie);
    expect(log).toContain('"path":"/api/users","status":200'); // request lines carry no header to leak
  });

  it('redacts secrets deep inside an error logged for a failed request (req.log is the fully redacting logger)', async () => {
    h = createHarness(fakeAws({
      ...signInHandlers([admin]).handlers,
      ListUsers: () => {
        throw Object.assign(awsError('ServiceFailure', 'The request processing has failed because of an unknown error.', 500), {
          SecretAccessKey: 'SECRET-in-error', input: { NewPassword: 'SECRET-nested-in-error' },
        });
      },
    }).makeClients);
    const b = await browser(h.app);
    await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    expect((await b.get('/api/users')).status).toBe(500);
    const log = h.logs.join('');
    expect(log).toContain('request failed');
    expect(log).toContain('ServiceFailure');
    expect(log).not.toContain('SECRET-');
  });

  it('stores the credentials encrypted: the session rows hold no secret in clear (long-term key or temporary credentials)', async () => {
    setup();
    const b = await browser(h.app);
    await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    expect((await (await browser(h.app)).signIn({ accessKeyId: mfaUser.accessKeyId, secretAccessKey: mfaUser.secretAccessKey, mfaCode: mfaUser.mfaCode })).body.mfaAuthenticated).toBe(true);
    const db = new Database(join(h.dataDir, 'sessions.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT data FROM sessions').all() as { data: string }[];
    db.close();
    const all = rows.map((r) => r.data).join('\n');
    expect(all).toContain('sealedCredentials');
    expect(all).toContain(admin.arn);
    expect(all).not.toMatch(/temp-secret-|temp-token-|ASIATEMP/);
    expect(all).not.toContain(admin.secretAccessKey);
    expect(all).not.toContain(mfaUser.secretAccessKey);
  });
});

describe('the SPA', () => {
  it('serves hashed assets with a long cache, index.html for client routes, JSON 404 under /api', async () => {
    setup();
    const dir = h.config.staticDir;
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index-3f9a1b2c.js'), 'console.log(1)');
    const asset = await request(h.app).get('/assets/index-3f9a1b2c.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.etag).toBeTruthy(); // the SPA's files still revalidate cheaply
    writeFileSync(join(dir, 'robots.txt'), 'User-agent: *');
    expect((await request(h.app).get('/robots.txt')).headers['cache-control']).toBe('no-cache');
    expect((await request(h.app).get('/assets/missing-12345678.js')).status).toBe(404);
    const route = await request(h.app).get('/users/alice').set('accept', 'text/html');
    expect(route.status).toBe(200);
    expect(route.text).toContain('id="root"');
    expect(route.headers['cache-control']).toBe('no-cache');
    const b = await browser(h.app);
    await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    const api = await b.get('/api/nothing-here');
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe('NotFound');
  });
});

describe('an unreachable endpoint', () => {
  it('answers 502 EndpointUnreachable, not a 500', async () => {
    const { createAwsClientFactory } = await import('../src/aws/clients.ts');
    h = createHarness(createAwsClientFactory({ region: 'us-east-1', iamEndpoint: 'http://127.0.0.1:9', stsEndpoint: 'http://127.0.0.1:9' }));
    const b = await browser(h.app);
    const res = await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    expect(res.status).toBe(502);
    expect(res.body.error.code).toBe('EndpointUnreachable');
    expect(res.body.error.message).toContain('ECONNREFUSED');
  });

  it('keeps the endpoint address out of the answer and writes it to the log instead', async () => {
    const { createAwsClientFactory } = await import('../src/aws/clients.ts');
    h = createHarness(createAwsClientFactory({ region: 'us-east-1', iamEndpoint: 'http://127.0.0.1:9', stsEndpoint: 'http://127.0.0.1:9' }));
    const b = await browser(h.app);
    const res = await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    expect(res.body.error.code).toBe('EndpointUnreachable');
    expect(JSON.stringify(res.body)).not.toContain('127.0.0.1:9');
    expect(h.logs.join('')).toContain('127.0.0.1:9');
  });
});
