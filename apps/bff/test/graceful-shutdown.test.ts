// SIGTERM (an orchestrator replacing a replica) during a slow request: the BFF stops accepting connections at
// once, finishes the request with its 2xx and its audit entry, writes the anonymous counts it holds in memory,
// and exits 0. The endpoint (iam-local) and the BFF run as processes; a proxy between them holds IAM's answers
// to CreateGroup back, so the request is in flight when the signal comes.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort, startBffProcess, startEndpointProcess } from './helpers/local-stack.ts';
import type { StackProcess } from './helpers/local-stack.ts';

const HOLD_MS = 1_500;

let dir: string;
let endpoint: StackProcess;
let bff: StackProcess;
let proxy: Server;
let held = 0;
let onHeld = () => {};

/** Forwards to the endpoint as is (Host too: the SigV4 signature covers it); CreateGroup's answer waits HOLD_MS. */
function slowProxy(target: URL): Server {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const slow = body.toString().includes('Action=CreateGroup');
      const upstream = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (c: Buffer) => parts.push(c));
        answer.on('end', async () => {
          if (slow) {
            held++;
            onHeld();
            await sleep(HOLD_MS);
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(parts));
        });
      });
      upstream.on('error', () => res.destroy());
      upstream.end(body);
    });
  });
}

const browser = { cookie: '', csrf: '' };
const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0]!;
const call = (method: string, path: string, body?: unknown) =>
  fetch(`${bff.url}${path}`, {
    method,
    headers: { cookie: browser.cookie, 'x-csrf-token': browser.csrf, origin: bff.url, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(20_000),
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bff-shutdown-'));
  endpoint = await startEndpointProcess(join(dir, 'iam'), await freePort());
  proxy = slowProxy(new URL(endpoint.url));
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
  bff = await startBffProcess({ dataDir: join(dir, 'bff'), iamUrl: proxyUrl, demoIdentitiesFile: join(dir, 'iam', 'demo-identities.json') });
  const first = await call('GET', '/api/session');
  browser.cookie = cookieOf(first);
  browser.csrf = ((await first.json()) as { csrfToken: string }).csrfToken;
  const signIn = await call('POST', '/api/session', { demoIdentity: 'admin' });
  expect(signIn.status).toBe(200);
  browser.cookie = cookieOf(signIn);
  browser.csrf = ((await signIn.json()) as { csrfToken: string }).csrfToken;
}, 60_000);

afterAll(async () => {
  await Promise.all([endpoint?.kill(), bff?.kill()]);
  await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Whether a new TCP connection to the BFF is refused. */
async function refused(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
    return false;
  } catch (err) {
    return String((err as { cause?: { code?: string } }).cause?.code) === 'ECONNREFUSED';
  }
}

it('SIGTERM during a slow request: no new connections, the request finishes with its 2xx and audit entry, anonymous counts are written, exit 0', async () => {
  // Two refused anonymous requests from one address: the first is an entry, the second only counted in memory.
  for (let i = 0; i < 2; i++) {
    const res = await fetch(`${bff.url}/api/session`, { method: 'POST', headers: { origin: 'http://evil.example', 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(403);
  }
  const inIam = new Promise<void>((resolve) => (onHeld = resolve));
  const slow = call('POST', '/api/groups', { groupName: 'DrainedOnShutdown' });
  await inIam;
  const exited = bff.terminate();

  // The listening socket closes at once, while the request is still held in IAM.
  let closed = false;
  for (let i = 0; i < 40 && !closed; i++) {
    closed = await refused(bff.url);
    if (!closed) await sleep(25);
  }
  expect(closed).toBe(true);
  expect(held).toBe(1);
  let answered = false;
  void slow.then(() => (answered = true), () => undefined);
  await sleep(0);
  expect(answered).toBe(false);

  const res = await slow;
  expect(res.status).toBe(201);
  expect(await res.text()).toContain('DrainedOnShutdown');
  expect(await exited).toBe(0);

  const db = new Database(join(dir, 'bff', 'audit.sqlite'), { readonly: true });
  const rows = db.prepare<[], { operation: string; target: string; result: string; count: number; caller_arn: string | null }>('SELECT * FROM audit_log ORDER BY id').all();
  db.close();
  expect(rows.filter((r) => r.operation === 'CreateGroup')).toEqual([
    expect.objectContaining({ target: 'group/DrainedOnShutdown', result: 'success', count: 1 }),
  ]);
  // The second refused request, counted in memory, was written at shutdown.
  const anonymous = rows.filter((r) => r.caller_arn === null && r.operation !== 'SignIn');
  expect(anonymous.map((r) => r.count)).toEqual([1, 1]);
  expect(anonymous[1]!.target).toMatch(/^1 requests without a signed-in caller from/);
  expect(await refused(bff.url)).toBe(true);
}, 60_000);
