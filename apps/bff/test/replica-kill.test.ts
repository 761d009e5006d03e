// kill -9 of one replica in the middle of writes loses nothing acknowledged. Two BFF replicas run as processes
// (shared Redis sessions, PostgreSQL audit log, one endpoint process); one browser signed in once sends a stream
// of writes alternating between them; replica A is killed with SIGKILL while some of its writes are in flight,
// and the stream goes on through B. Every write that got a 2xx, from either replica, must be in IAM with its
// audit entry, in order; a write that got no answer may or may not have happened. The session lives on in B.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserOf } from './helpers/browser.ts';
import type { Replica } from './helpers/browser.ts';
import type { StackProcess } from './helpers/local-stack.ts';
import { startReplicaStack } from './helpers/replica-stack.ts';
import type { ReplicaStack } from './helpers/replica-stack.ts';
import { WriteLedger, writes } from './helpers/write-ledger.ts';

const WORKERS = 4;
/** Writes acknowledged before the kill, and after it through B alone. */
const KILL_AFTER = 24;
const AFTER_KILL = 24;
/** How long audit entries stay held after the kill: the killed replica's connections are seen closed. */
const HELD_MS = 300;

let stack: ReplicaStack;
type Write = Parameters<WriteLedger['write']>[2];
const replicas: (Replica & { name: string; process: StackProcess; alive: boolean; inFlight: Set<Write> })[] = [];

beforeAll(async () => {
  stack = await startReplicaStack();
  const [a, b] = await Promise.all([stack.startReplica('a'), stack.startReplica('b')]);
  for (const [name, process] of [['a', a], ['b', b]] as const) replicas.push({ name, url: process.url, process, alive: true, inFlight: new Set() });
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

it('SIGKILL of replica A mid-stream: every write acknowledged by A or B is in IAM and in the audit log in order, and the session works through B', async () => {
  const [a, b] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
  const browser = browserOf({ timeoutMs: 20_000 });
  const ledger = new WriteLedger();
  expect((await browser.get(a, '/api/session')).body).toMatchObject({ signedIn: false });
  const signIn = await browser.post(a, '/api/session', { demoIdentity: 'admin' });
  expect(signIn.status).toBe(200);
  const adminArn = signIn.body!.identity.arn as string;

  let turn = 0;
  let killed: Promise<void> | undefined;
  let inFlightOnA = 0;
  let acknowledgedAtKill: number | undefined;
  const done = () => acknowledgedAtKill !== undefined && ledger.acknowledged.length - acknowledgedAtKill >= AFTER_KILL;
  const maybeKill = () => {
    if (killed || ledger.acknowledged.length < KILL_AFTER) return;
    killed = (async () => {
      // Audit entries held back: the writes in flight make their change in IAM, then wait for their entry; the
      // kill lands in that moment, otherwise a millisecond wide.
      const release = await stack.holdAuditWrites();
      try {
        const inIam = async () => (await Promise.all([...a.inFlight].map((w) => w.inIam(stack.iam)))).includes(true);
        for (let waited = 0; !(await inIam()) && waited < 10_000; waited += 20) await sleep(20);
        // Out of rotation, as a load balancer takes out a replica that stops answering.
        a.alive = false;
        inFlightOnA = a.inFlight.size;
        await a.process.kill();
        await sleep(HELD_MS);
      } finally {
        await release();
        acknowledgedAtKill = ledger.acknowledged.length;
      }
    })();
  };
  /** One write through the next live replica. */
  const write = async (w: Write) => {
    const live = replicas.filter((r) => r.alive);
    const via = live[turn++ % live.length]!;
    via.inFlight.add(w);
    const answered = ledger.write(browser, via, w);
    maybeKill();
    try {
      return await answered;
    } finally {
      via.inFlight.delete(w);
    }
  };
  const worker = async (w: number) => {
    for (let i = 0; !done(); i++) {
      const [group, user] = [`Kill${w}-${i}`, `kill-${w}-${i}`];
      const grouped = await write(writes.createGroup(group));
      const created = await write(writes.createUser(user));
      if (grouped && created) await write(writes.addUserToGroup(user, group));
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
  await killed;

  const context = ledger.report();
  expect(inFlightOnA, 'A was killed with writes in flight').toBeGreaterThan(0);
  expect(ledger.acknowledged.filter((w) => w.replica === 'a').length, context).toBeGreaterThan(KILL_AFTER / 4);
  // Only A's writes in flight at the kill went unanswered; B answered every write with a 2xx.
  expect(ledger.refused, context).toEqual([]);
  expect(ledger.unanswered.length, context).toBeGreaterThan(0);
  expect(ledger.unanswered.length, context).toBeLessThanOrEqual(inFlightOnA);
  expect(ledger.unanswered.every((u) => u.replica === 'a'), context).toBe(true);

  // The kill came between a change in IAM and its audit entry.
  const unansweredInIam = await Promise.all(ledger.unanswered.map((u) => u.inIam(stack.iam)));
  expect(unansweredInIam, context).toContain(true);
  await ledger.expectNothingLost(stack, adminArn);

  // The session, signed in through A, still works through B alone.
  expect((await browser.get(b, '/api/session')).body).toMatchObject({ signedIn: true, identity: { arn: adminArn } });
  expect(await ledger.write(browser, b, writes.createGroup('AfterTheKill'))).toBe(true);
  expect((await browser.get(b, '/api/audit-log?limit=1')).body?.items).toEqual([expect.objectContaining({ operation: 'CreateGroup', target: 'group/AfterTheKill', callerArn: adminArn })]);
}, 60_000);
