// DNS rebinding: a page of evil.example whose name resolves to 127.0.0.1 reaches the console with its own Host
// and a matching Origin. The console answers only to its own names, and takes Origin from its configuration.
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { consoleOrigins } from '../src/security/console-origins.ts';
import { startLocalConsole } from '../src/local.ts';
import type { LocalConsole } from '../src/local.ts';
import { browser, createHarness } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { admin, fakeAws, signInHandlers } from './helpers/fake-aws.ts';

interface Answer {
  status: number;
  body: Record<string, unknown> & { error?: { code: string; message: string; status: number } };
  cookie: string | undefined;
}

/** One request to the console with a Host and headers of our choosing (fetch would not send another Host). */
function send(port: number, method: string, path: string, headers: Record<string, string>, body?: object): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body ? JSON.stringify(body) : undefined;
    const req = httpRequest(
      { host: '127.0.0.1', port, method, path, headers: { accept: 'application/json', ...(payload ? { 'content-type': 'application/json' } : {}), ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const cookie = res.headers['set-cookie']?.[0]?.split(';')[0];
          resolve({ status: res.statusCode ?? 0, body: text.startsWith('{') ? JSON.parse(text) : { text }, cookie });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

let dir: string;
let local: LocalConsole;
let port: number;

/** A browser of the console at `host`: fetches its session and CSRF token, then signs in. */
async function signInAt(host: string, signIn: object) {
  const origin = `http://${host}`;
  const first = await send(port, 'GET', '/api/session', { host });
  const res = await send(port, 'POST', '/api/session', { host, origin, 'sec-fetch-site': 'same-origin', cookie: first.cookie ?? '', 'x-csrf-token': String(first.body.csrfToken) }, signIn);
  return { res, host, origin, cookie: res.cookie ?? first.cookie ?? '', csrf: String(res.body.csrfToken ?? first.body.csrfToken) };
}

async function accessKeysOfAlice(asRoot: Awaited<ReturnType<typeof signInAt>>): Promise<number> {
  const res = await send(port, 'GET', '/api/users/alice', { host: asRoot.host, cookie: asRoot.cookie });
  expect(res.status).toBe(200);
  return (res.body.accessKeys as unknown[]).length;
}

describe('a rebound host name (local demo mode)', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bff-rebinding-'));
    local = await startLocalConsole({ dataDir: dir, port: 0, seed: 'demo', env: { LOG_LEVEL: 'silent', STATIC_DIR: join(dir, 'web') } });
    port = Number(new URL(local.url).port);
  });
  afterAll(async () => {
    await local?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is refused before any session exists: no cookie, no CSRF token, no demo sign-in, no access key', async () => {
    const evil = { host: `evil.example:${port}`, origin: `http://evil.example:${port}`, 'sec-fetch-site': 'same-origin' };
    const session = await send(port, 'GET', '/api/session', { host: evil.host });
    expect(session.status).toBe(421);
    expect(session.body.error).toMatchObject({ code: 'MisdirectedRequest', status: 421 });
    expect(session.body.error?.message).toMatch(/does not answer to the host name evil\.example:\d+.*PUBLIC_URL/);
    expect(session.body.csrfToken).toBeUndefined();
    expect(session.cookie).toBeUndefined();
    expect((await send(port, 'GET', '/', { host: evil.host, accept: 'text/html' })).status).toBe(421);

    const demo = await send(port, 'POST', '/api/session', evil, { demoIdentity: 'root' });
    expect([demo.status, demo.body.error?.code, demo.cookie]).toEqual([421, 'MisdirectedRequest', undefined]);

    // Even holding a real session and its token, the rebound name gets nowhere.
    const root = await signInAt(`127.0.0.1:${port}`, { demoIdentity: 'root' });
    expect(root.res.status).toBe(200);
    const before = await accessKeysOfAlice(root);
    const created = await send(port, 'POST', '/api/users/alice/access-keys', { ...evil, cookie: root.cookie, 'x-csrf-token': root.csrf }, {});
    expect([created.status, created.body.error?.code]).toEqual([421, 'MisdirectedRequest']);
    expect(await accessKeysOfAlice(root)).toBe(before);
  });

  it('is refused also when the rebound name is only in Origin, or is a name for the loopback address', async () => {
    const root = await signInAt(`localhost:${port}`, { demoIdentity: 'root' });
    expect(root.res.status).toBe(200);
    const forged = await send(port, 'POST', '/api/users/alice/access-keys', { host: root.host, origin: `http://evil.example:${port}`, cookie: root.cookie, 'x-csrf-token': root.csrf }, {});
    expect([forged.status, forged.body.error?.code]).toEqual([403, 'CsrfTokenInvalid']);
    for (const host of [`127.0.0.1.nip.io:${port}`, `localhost:${port + 1}`, `localhost`, `user@localhost:${port}`, `localhost:${port}/x`]) {
      expect([host, (await send(port, 'GET', '/api/session', { host })).status]).toEqual([host, 421]);
    }
  });

  it('leaves the console at localhost, 127.0.0.1 and [::1] on its port working: demo sign-in, creating an access key', async () => {
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`]) {
      const session = await send(port, 'GET', '/api/session', { host });
      expect([host, session.status, typeof session.body.csrfToken]).toEqual([host, 200, 'string']);
    }
    const root = await signInAt(`[::1]:${port}`, { demoIdentity: 'root' });
    expect(root.res.status).toBe(200);
    const before = await accessKeysOfAlice(root);
    const created = await send(port, 'POST', '/api/users/alice/access-keys', { host: root.host, origin: root.origin, 'sec-fetch-site': 'same-origin', cookie: root.cookie, 'x-csrf-token': root.csrf }, {});
    expect(created.status).toBe(201);
    expect(await accessKeysOfAlice(root)).toBe(before + 1);
    await send(port, 'DELETE', `/api/users/alice/access-keys/${String(created.body.accessKeyId)}`, { host: root.host, origin: root.origin, cookie: root.cookie, 'x-csrf-token': root.csrf });
  });
});

describe('PUBLIC_URL (behind a proxy, a mapped port)', () => {
  let h: Harness;
  afterEach(() => h?.close());

  const setup = (env: Record<string, string>) => {
    h = createHarness(fakeAws(signInHandlers([admin]).handlers).makeClients, { env });
  };

  it('is answered at, with its Origin, whether the proxy keeps the Host or sends the console’s own', async () => {
    setup({ PUBLIC_URL: 'https://iam.example.com', TRUST_PROXY: '1' });
    const agent = request.agent(h.app);
    // Host as the browser sent it (the proxy keeps it), and X-Forwarded-Proto from the TLS proxy.
    const first = await agent.get('/api/session').set('host', 'iam.example.com').set('x-forwarded-proto', 'https');
    expect(first.status).toBe(200);
    const signIn = await agent.post('/api/session').set('host', 'iam.example.com').set('x-forwarded-proto', 'https')
      .set('origin', 'https://iam.example.com').set('x-csrf-token', first.body.csrfToken as string)
      .send({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    expect(signIn.status).toBe(200);
    // A proxy that sends the console's own address as Host and the public name in X-Forwarded-Host.
    const viaOwnHost = await agent.delete('/api/session').set('x-forwarded-host', 'iam.example.com')
      .set('origin', 'https://iam.example.com').set('x-csrf-token', signIn.body.csrfToken as string);
    expect(viaOwnHost.status).toBe(204);
  });

  it('does not make other names acceptable, in Host, in X-Forwarded-Host or in Origin', async () => {
    setup({ PUBLIC_URL: 'https://iam.example.com', TRUST_PROXY: '1' });
    expect((await request(h.app).get('/api/session').set('host', 'evil.example')).status).toBe(421);
    expect((await request(h.app).get('/api/session').set('x-forwarded-host', 'evil.example')).status).toBe(421);
    // A forwarded public name does not launder a rebound Host.
    expect((await request(h.app).get('/api/session').set('host', 'evil.example').set('x-forwarded-host', 'iam.example.com')).status).toBe(421);
    const b = await browser(h.app);
    const res = await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey }).then(() => b.delete('/api/session').set('origin', 'http://iam.example.com'));
    expect([res.status, res.body.error?.code]).toEqual([403, 'CsrfTokenInvalid']); // http, not the configured https
  });

  it('without a trusted proxy, X-Forwarded-Host is not read at all', async () => {
    setup({ PUBLIC_URL: 'https://iam.example.com' });
    expect((await request(h.app).get('/api/session').set('x-forwarded-host', 'evil.example')).status).toBe(200);
    expect((await request(h.app).get('/api/session').set('host', 'evil.example').set('x-forwarded-host', 'iam.example.com')).status).toBe(421);
  });
});

describe('the console’s origins', () => {
  it('are the loopback names and HOST on the connection’s port, and the PUBLIC_URL origins', () => {
    const at = (config: { host: string; publicOrigins: string[] }, localPort: number, protocol = 'http') =>
      [...consoleOrigins(config).origins({ protocol, socket: { localPort } } as never)].sort();
    expect(at({ host: '127.0.0.1', publicOrigins: [] }, 8080)).toEqual(['http://127.0.0.1:8080', 'http://[::1]:8080', 'http://localhost:8080']);
    expect(at({ host: '192.168.1.10', publicOrigins: ['https://iam.example.com'] }, 80)).toEqual(
      ['http://127.0.0.1', 'http://192.168.1.10', 'http://[::1]', 'http://localhost', 'https://iam.example.com'],
    );
    expect(at({ host: '::', publicOrigins: [] }, 8080)).toEqual(['http://127.0.0.1:8080', 'http://[::1]:8080', 'http://localhost:8080']);
    expect(at({ host: 'fd00::5', publicOrigins: [] }, 8080)).toContain('http://[fd00::5]:8080');
  });
});
