// The per-session client cache: reuse within one session and one sealed blob, nothing else; bounded in
// time and size; request ids reported to the request that made the call.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AwsClientFactory, AwsClients, AwsCredentials, RequestIdListener } from '../src/aws/clients.ts';
import { createSessionClients } from '../src/session/session-clients.ts';
import { createHarness, browser } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { admin, awsError, fakeAws, signInHandlers } from './helpers/fake-aws.ts';

/** A factory of tokens standing in for clients: counts builds and keeps each build's credentials and listener. */
function countingFactory() {
  const built: { credentials: AwsCredentials | undefined; onRequestId: RequestIdListener | undefined }[] = [];
  const makeClients: AwsClientFactory = (credentials, onRequestId) => {
    built.push({ credentials, onRequestId });
    return { iam: { build: built.length }, sts: {} } as unknown as AwsClients;
  };
  return { makeClients, built };
}

const keys = (id: string): AwsCredentials => ({ accessKeyId: id, secretAccessKey: `secret-${id}` });

function setup(options: { idleMs?: number; maxEntries?: number } = {}) {
  const clock = { now: 1_000_000 };
  const factory = countingFactory();
  const cache = createSessionClients(factory.makeClients, { idleMs: options.idleMs ?? 60_000, maxEntries: options.maxEntries ?? 100, clock: () => clock.now });
  let opened = 0;
  const open = (id: string) => () => (opened++, keys(id));
  return { clock, cache, built: factory.built, open, opened: () => opened };
}

describe('session clients', () => {
  it('builds a session’s clients once and reuses them while the session holds the same sealed credentials', () => {
    const { cache, built, open, opened } = setup();
    const first = cache.forSession('s1', 'sealed-a', open('AKIA1'));
    expect(cache.forSession('s1', 'sealed-a', open('AKIA1'))).toBe(first);
    expect(cache.forSession('s1', 'sealed-a', open('AKIA1'))).toBe(first);
    expect(built).toHaveLength(1);
    expect(opened()).toBe(1); // the blob is opened once, not per request
    expect(built[0]!.credentials).toEqual(keys('AKIA1'));
  });

  it('builds new clients when the session holds other sealed credentials, and keeps sessions apart', () => {
    const { cache, built, open } = setup();
    const a = cache.forSession('s1', 'sealed-a', open('AKIA1'));
    const b = cache.forSession('s1', 'sealed-b', open('AKIA2'));
    const c = cache.forSession('s2', 'sealed-a', open('AKIA3'));
    expect(new Set([a, b, c]).size).toBe(3);
    expect(built.map((x) => x.credentials?.accessKeyId)).toEqual(['AKIA1', 'AKIA2', 'AKIA3']);
    // The old blob is not served again once replaced.
    expect(cache.forSession('s1', 'sealed-a', open('AKIA1'))).not.toBe(a);
  });

  it('caches nothing when the sealed credentials do not open', () => {
    const { cache, built } = setup();
    expect(() => cache.forSession('s1', 'sealed-a', () => { throw new Error('bad tag'); })).toThrow('bad tag');
    expect(cache.size).toBe(0);
    expect(() => cache.forSession('s1', 'sealed-a', () => { throw new Error('bad tag'); })).toThrow('bad tag');
    expect(built).toHaveLength(0);
  });

  it('forgets a session’s clients at once (sign-out)', () => {
    const { cache, built, open } = setup();
    const a = cache.forSession('s1', 'sealed-a', open('AKIA1'));
    cache.forSession('s2', 'sealed-b', open('AKIA2'));
    cache.forget('s1');
    expect(cache.size).toBe(1);
    expect(cache.forSession('s1', 'sealed-a', open('AKIA1'))).not.toBe(a);
    expect(built).toHaveLength(3);
  });

  it('drops clients unused for the idle time, and only those', () => {
    const { clock, cache, open } = setup({ idleMs: 60_000 });
    const a = cache.forSession('s1', 'sealed-a', open('AKIA1'));
    clock.now += 40_000;
    const b = cache.forSession('s2', 'sealed-b', open('AKIA2'));
    clock.now += 30_000; // s1 idle for 70 s, s2 for 30 s
    expect(cache.forSession('s2', 'sealed-b', open('AKIA2'))).toBe(b);
    expect(cache.size).toBe(1);
    expect(cache.forSession('s1', 'sealed-a', open('AKIA1'))).not.toBe(a);
  });

  it('drops idle clients also when no request comes, within a quarter of the idle time', () => {
    vi.useFakeTimers();
    try {
      const { clock, cache, open } = setup({ idleMs: 60_000 });
      cache.forSession('s1', 'sealed-a', open('AKIA1'));
      clock.now += 50_000;
      vi.advanceTimersByTime(15_000);
      expect(cache.size).toBe(1);
      clock.now += 15_000; // 65 s unused
      vi.advanceTimersByTime(15_000);
      expect(cache.size).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a used entry stays: idle time counts from the last use', () => {
    const { clock, cache, open } = setup({ idleMs: 60_000 });
    const a = cache.forSession('s1', 'sealed-a', open('AKIA1'));
    for (let i = 0; i < 5; i++) {
      clock.now += 50_000;
      expect(cache.forSession('s1', 'sealed-a', open('AKIA1'))).toBe(a);
    }
  });

  it('holds at most maxEntries sessions, dropping the least recently used', () => {
    const { cache, open } = setup({ maxEntries: 2 });
    const a = cache.forSession('s1', 'sealed-a', open('AKIA1'));
    const b = cache.forSession('s2', 'sealed-b', open('AKIA2'));
    expect(cache.forSession('s1', 'sealed-a', open('AKIA1'))).toBe(a); // s2 is now the least recent
    cache.forSession('s3', 'sealed-c', open('AKIA3'));
    expect(cache.size).toBe(2);
    expect(cache.forSession('s1', 'sealed-a', open('AKIA1'))).toBe(a);
    expect(cache.forSession('s2', 'sealed-b', open('AKIA2'))).not.toBe(b);
  });

  it('shares one set of credential-chain clients', () => {
    const { cache, built } = setup();
    expect(cache.forCredentialChain()).toBe(cache.forCredentialChain());
    expect(built).toHaveLength(1);
    expect(built[0]!.credentials).toBeUndefined();
  });

  it('reports each AWS request id to the request whose call it was, also for interleaved calls on shared clients', async () => {
    const { cache, built, open } = setup();
    cache.forSession('s1', 'sealed-a', open('AKIA1'));
    const report = built[0]!.onRequestId!;
    const ids = { one: [] as string[], two: [] as string[] };
    // Two requests of one session: the SDK reports ids from its own promise chains, after awaits.
    await Promise.all([
      cache.withRequestIds((id) => ids.one.push(id), async () => { await sleep(20); report('id-1a'); await sleep(20); report('id-1b'); }),
      cache.withRequestIds((id) => ids.two.push(id), async () => { await sleep(10); report('id-2a'); await sleep(20); report('id-2b'); }),
    ]);
    report('outside any request'); // ignored
    expect(ids).toEqual({ one: ['id-1a', 'id-1b'], two: ['id-2a', 'id-2b'] });
  });
});

describe('session clients in the app', () => {
  let h: Harness;
  afterEach(() => h?.close());

  it('builds the clients once per sign-in, and again after sign-out and a new sign-in', async () => {
    const aws = fakeAws({ ...signInHandlers([admin]).handlers, ListGroups: () => ({ Groups: [], IsTruncated: false }) });
    let builds = 0;
    h = createHarness((credentials, onRequestId) => (builds++, aws.makeClients(credentials, onRequestId)));
    const b = await browser(h.app);
    await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    const afterSignIn = builds;
    for (let i = 0; i < 3; i++) expect((await b.get('/api/groups')).status).toBe(200);
    expect(builds - afterSignIn).toBe(1);
    expect((await b.delete('/api/session')).status).toBe(204);
    const b2 = await browser(h.app);
    await b2.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    const afterSecondSignIn = builds;
    expect((await b2.get('/api/groups')).status).toBe(200);
    expect(builds - afterSecondSignIn).toBe(1);
  });

  it('records each change’s own AWS request id when one session’s changes overlap', async () => {
    const aws = fakeAws({
      ...signInHandlers([admin]).handlers,
      CreateGroup: async (i) => {
        // The first change answers last: ids reported to whichever request came in last would land on the
        // other change's response.
        if (i.GroupName === 'fast') {
          await sleep(10);
          throw awsError('EntityAlreadyExists', 'Group with name fast already exists.', 409);
        }
        await sleep(80);
        return { Group: { GroupName: i.GroupName, GroupId: 'AGPAX', Arn: `arn:aws:iam::123456789012:group/${String(i.GroupName)}`, Path: '/', CreateDate: new Date() } };
      },
    });
    h = createHarness(aws.makeClients);
    const b = await browser(h.app);
    await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    const [slow, fast] = await Promise.all([b.post('/api/groups', { groupName: 'slow' }), b.post('/api/groups', { groupName: 'fast' })]);
    expect([slow.status, fast.status]).toEqual([201, 409]);
    const entries = h.auditLog.list({ limit: 10 }).filter((e) => e.operation === 'CreateGroup');
    const byTarget = Object.fromEntries(entries.map((e) => [e.target, e.awsRequestId]));
    expect(byTarget['group/fast']).toBe(fast.body.error.requestId);
    expect(byTarget['group/slow']).toMatch(/^req-CreateGroup-/);
    expect(byTarget['group/slow']).not.toBe(byTarget['group/fast']);
  });
});
