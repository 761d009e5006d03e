// Sessions in a real redis-server (Debian's), started on a free port for this file and killed after.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSessionStore } from '../src/session/store.ts';
import type { OpenedStore } from '../src/session/store.ts';
import { browser, createHarness } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { admin, fakeAws, mfaUser, signInHandlers } from './helpers/fake-aws.ts';
import { expectEndedSessionsStayEnded } from './helpers/store-contract.ts';

let redis: ChildProcess;
let url: string;
let opened: OpenedStore;
let h: Harness;
let makeClients: Parameters<typeof createHarness>[0];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

async function waitForRedis(redisUrl: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const client = createClient({ url: redisUrl, socket: { reconnectStrategy: false } });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.ping();
      await client.close();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error('redis-server did not start');
}

beforeAll(async () => {
  const port = await freePort();
  redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  url = `redis://127.0.0.1:${port}`;
  await waitForRedis(url);
  const aws = fakeAws({ ...signInHandlers([admin, mfaUser]).handlers, ListUsers: () => ({ Users: [], IsTruncated: false }) });
  opened = await openSessionStore({ redisUrl: url, dataDir: '/nonexistent-not-used', ttlMs: 60_000 });
  h = createHarness(aws.makeClients, { deps: { sessionStore: opened.store } });
  makeClients = aws.makeClients;
});

afterAll(async () => {
  h?.close();
  await opened?.close();
  if (redis && redis.exitCode === null) {
    const exited = new Promise((resolve) => redis.once('exit', resolve));
    redis.kill('SIGTERM');
    await exited;
  }
});

describe('Redis session store (connect-redis)', () => {
  it('keeps signed-in sessions in Redis with a TTL, credentials encrypted, and drops them at sign-out', async () => {
    const b = await browser(h.app);
    expect((await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey })).status).toBe(200);
    const reader = createClient({ url });
    await reader.connect();
    const keys = await reader.keys('iam-console:sess:*');
    const values = await Promise.all(keys.map((k) => reader.get(k)));
    const signedIn = values.find((v) => v?.includes(admin.arn));
    expect(signedIn).toBeTruthy();
    expect(signedIn).toContain('sealedCredentials');
    expect(signedIn).not.toMatch(/temp-secret-|temp-token-/);
    expect(signedIn).not.toContain(admin.secretAccessKey); // signed in without MFA: the sealed long-term key
    const key = keys[values.indexOf(signedIn!)]!;
    const ttl = await reader.ttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30 * 60);

    expect((await b.get('/api/session')).body.signedIn).toBe(true);
    expect((await b.delete('/api/session')).status).toBe(204);
    expect(await reader.exists(key)).toBe(0);
    await reader.close();
  });
});

describe('sign out everywhere with Redis', () => {
  it('ends every session of the principal, keeps others, and an ended id is not saved again', async () => {
    await expectEndedSessionsStayEnded(opened.store);
  });

  it('through the app: two sessions of one principal end, another principal’s stays', async () => {
    const signedIn = async (keys: { accessKeyId: string; secretAccessKey: string; mfaCode?: string | undefined }) => {
      const b = await browser(h.app);
      expect((await b.signIn(keys)).status).toBe(200);
      return b;
    };
    const first = await signedIn(admin);
    const second = await signedIn(admin);
    const other = await signedIn({ accessKeyId: mfaUser.accessKeyId, secretAccessKey: mfaUser.secretAccessKey, mfaCode: mfaUser.mfaCode });
    expect((await first.post('/api/session/sign-out-everywhere')).status).toBe(204);
    for (const b of [first, second]) {
      const res = await b.get('/api/users');
      expect([res.status, res.body.error.code]).toEqual([401, 'NotSignedIn']);
    }
    expect((await other.get('/api/users')).status).toBe(200);
    const reader = createClient({ url });
    await reader.connect();
    expect((await reader.keys('iam-console:ended:*')).length).toBeGreaterThanOrEqual(2);
    for (const key of await reader.keys('iam-console:ended:*')) expect(await reader.pTTL(key)).toBeGreaterThan(0);
    await reader.close();
  });
});

describe('sign-in rate limits in Redis', () => {
  it('are shared by two BFF instances', async () => {
    const limits = { windowMs: 60_000, perIp: 100, perAccessKey: 2 };
    const one = createHarness(makeClients, { deps: { sessionStore: opened.store, signInLimits: limits, rateLimitStore: opened.rateLimitStore } });
    const two = createHarness(makeClients, { deps: { sessionStore: opened.store, signInLimits: limits, rateLimitStore: opened.rateLimitStore } });
    try {
      const wrong = { accessKeyId: admin.accessKeyId, secretAccessKey: 'wrong' };
      expect((await (await browser(one.app)).signIn(wrong)).status).toBe(401);
      expect((await (await browser(two.app)).signIn(wrong)).status).toBe(401);
      const third = await (await browser(one.app)).signIn(wrong);
      expect(third.status).toBe(429);
      expect(third.body.error.code).toBe('RateLimited');
      const reader = createClient({ url });
      await reader.connect();
      expect((await reader.keys('iam-console:rl:key:*')).length).toBeGreaterThan(0);
      await reader.close();
    } finally {
      one.close();
      two.close();
    }
  });
});
