// GET /healthz and /readyz: for load balancers, which probe a replica by its address, so they answer for any
// Host, and say nothing but which dependency is down (no session, no audit entry, no error text).
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createHarness } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { fakeAws } from './helpers/fake-aws.ts';
import { freePort } from './helpers/local-stack.ts';

let iam: Server;
let iamUrl: string;
let iamRequests = 0;
let h: Harness | undefined;

beforeEach(async () => {
  iamRequests = 0;
  // IAM refuses an unsigned request, but answers it: reachable.
  iam = createServer((_req, res) => {
    iamRequests++;
    res.writeHead(403, { 'content-type': 'text/xml' }).end('<ErrorResponse><Error><Code>MissingAuthenticationToken</Code></Error></ErrorResponse>');
  });
  await new Promise<void>((resolve) => iam.listen(0, '127.0.0.1', resolve));
  iamUrl = `http://127.0.0.1:${(iam.address() as { port: number }).port}`;
});

afterEach(async () => {
  h?.close();
  h = undefined;
  await new Promise((resolve) => iam.close(resolve));
});

const harness = (endpoint: string) => (h = createHarness(fakeAws({}).makeClients, { env: { AWS_ENDPOINT_URL_IAM: endpoint } }));
function sessionRows(x: Harness): number {
  const db = new Database(join(x.dataDir, 'sessions.sqlite'), { readonly: true });
  try {
    return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM sessions').get()!.n;
  } finally {
    db.close();
  }
}

it('/healthz answers 200 for any Host (a load balancer probes by IP), with no cookie and nothing cached', async () => {
  const x = harness(iamUrl);
  for (const host of ['10.0.3.17:8080', 'evil.example', '127.0.0.1']) {
    const res = await request(x.app).get('/healthz').set('Host', host);
    expect([res.status, res.body]).toEqual([200, { status: 'ok' }]);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
  }
  // Only the probes are exempt from the Host allow-list.
  expect((await request(x.app).get('/api/session').set('Host', '10.0.3.17:8080')).status).toBe(421);
  expect((await request(x.app).get('/').set('Host', '10.0.3.17:8080')).status).toBe(421);
});

it('/readyz is 200 when the session store, the audit log and the IAM endpoint answer; it stores no session and writes no audit entry', async () => {
  const x = harness(iamUrl);
  const res = await request(x.app).get('/readyz').set('Host', '10.0.3.17:8080');
  expect([res.status, res.body]).toEqual([200, { status: 'ready', checks: { sessions: 'ok', audit: 'ok', iam: 'ok' } }]);
  expect(res.headers['set-cookie']).toBeUndefined();
  expect(iamRequests).toBe(1);
  expect(sessionRows(x)).toBe(0);
  expect(x.auditLog.list({ limit: 10 })).toEqual([]);
});

it('/readyz is 503 naming the IAM endpoint when it does not answer, without the error or the address', async () => {
  const closed = `http://127.0.0.1:${await freePort()}`;
  const x = harness(closed);
  const res = await request(x.app).get('/readyz');
  expect([res.status, res.body]).toEqual([503, { status: 'not ready', checks: { sessions: 'ok', audit: 'ok', iam: 'failing' } }]);
  expect(res.text).not.toContain('127.0.0.1');
  expect(res.text).not.toMatch(/ECONNREFUSED|fetch failed/);
  expect(x.logs.join('')).toContain('readiness check failed');
  // /healthz says only that the process is up.
  expect((await request(x.app).get('/healthz')).status).toBe(200);
});

it('/readyz is 503 when the session store or the audit log fails', async () => {
  const x = harness(iamUrl);
  x.auditLog.close();
  let res = await request(x.app).get('/readyz');
  expect([res.status, res.body.checks]).toEqual([503, { sessions: 'ok', audit: 'failing', iam: 'ok' }]);
  x.store.close();
  x.clock.advance(1_000);
  res = await request(x.app).get('/readyz');
  expect([res.status, res.body.checks]).toEqual([503, { sessions: 'failing', audit: 'failing', iam: 'ok' }]);
  expect(res.text).not.toMatch(/database|closed|sqlite/i);
});

it('probes within a second share one check, so a flood of /readyz does not become a flood of calls to IAM', async () => {
  const x = harness(iamUrl);
  await Promise.all(Array.from({ length: 20 }, () => request(x.app).get('/readyz').expect(200)));
  expect(iamRequests).toBe(1);
  x.clock.advance(1_000);
  await request(x.app).get('/readyz').expect(200);
  expect(iamRequests).toBe(2);
});
