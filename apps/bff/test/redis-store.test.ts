// Sessions in a real redis-server (Debian's), started on a free port for this file and killed after.
import { spawn } from 'node:child_process';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSessionStore } from '../src/session/store.ts';
import type { OpenedStore } from '../src/session/store.ts';
import { browser, createHarness } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { admin, fakeAws, mfaUser, signInHandlers } from './helpers/fake-aws.ts';
import { expectEndedSessionsStayEnded } from './helpers/store-contract.ts';
import { RedisRecentRoles } from '../src/session/redis-recent-roles.ts';
import { startRedis } from './helpers/redis.ts';
import type { Redis } from './helpers/redis.ts';

let redis: Redis;
let url: string;
let opened: OpenedStore;
let h: Harness;
let makeClients: Parameters<typeof createHarness>[0];

beforeAll(async () => {
  redis = await startRedis();
  url = redis.url;
  const aws = fakeAws({ ...signInHandlers([admin, mfaUser]).handlers, ListUsers: () => ({ Users: [], IsTruncated: false }) });
  opened = await openSessionStore({ redisUrl: url, dataDir: '/nonexistent-not-used', ttlMs: 60_000 });
  h = createHarness(aws.makeClients, { deps: { sessionStore: opened.store } });
  makeClients = aws.makeClients;
});

afterAll(async () => {
  h?.close();
  await opened?.close();
  await redis?.stop();
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

describe('recent roles in Redis', () => {
  it('keeps each principal’s five most recent roles, most recent first, a role switched to again moving to the top', async () => {
    const client = createClient({ url });
    await client.connect();
    const recent = new RedisRecentRoles(client, 'test:recent:');
    const entry = (principalArn: string, roleName: string, switchedAt: number) => ({
      principalArn, roleArn: `arn:aws:iam::123456789012:role/${roleName}`, account: '123456789012', accountId: '123456789012', roleName, displayName: roleName, switchedAt,
    });
    for (const [i, name] of ['R1', 'R2', 'R3', 'R4', 'R5', 'R6'].entries()) await recent.record(entry(admin.arn, name, 1000 + i));
    await recent.record({ ...entry(admin.arn, 'R3', 1000), color: 'b7ca9d' }); // the same millisecond as R1: order comes from the counter
    await recent.record(entry(mfaUser.arn, 'Other', 2000));
    expect((await recent.list(admin.arn)).map((e) => e.roleName)).toEqual(['R3', 'R6', 'R5', 'R4', 'R2']);
    expect((await recent.list(admin.arn))[0]).toEqual({ ...entry(admin.arn, 'R3', 1000), color: 'b7ca9d' });
    expect((await recent.list(mfaUser.arn)).map((e) => e.roleName)).toEqual(['Other']);
    expect(await recent.list('arn:aws:iam::123456789012:user/nobody')).toEqual([]);
    expect(await client.hLen(`test:recent:${admin.arn}:entries`)).toBe(5);
    await client.close();
  });
});

describe('Redis going away', () => {
  it('is reported to onError while the client reconnects, and does not end the process; sessions work again once Redis is back', async () => {
    const own = await startRedis();
    const errors: Error[] = [];
    const store = await openSessionStore({ redisUrl: own.url, dataDir: '/nonexistent-not-used', ttlMs: 60_000, onError: (err) => errors.push(err) });
    const get = (sid: string) => new Promise<unknown>((resolve, reject) => store.store.get(sid, (err, value) => (err ? reject(err) : resolve(value))));
    await own.stop();
    for (let i = 0; i < 100 && errors.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(errors.length).toBeGreaterThan(0);
    const port = new URL(own.url).port;
    const again = spawn('redis-server', ['--port', port, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    try {
      expect(await get('no-such-session')).toBeNull();
    } finally {
      await store.close();
      const exited = new Promise((resolve) => again.once('exit', resolve));
      again.kill('SIGTERM');
      await exited;
    }
  });
});
