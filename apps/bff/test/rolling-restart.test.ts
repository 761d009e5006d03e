// A rolling restart under load loses no request and no audit entry. Two BFF replicas run as processes (shared
// Redis sessions, PostgreSQL audit log, one endpoint process) behind the test's own round-robin, which models a
// load balancer: a replica is taken out of rotation when it starts draining and back in once it listens again,
// so new requests go only to replicas not draining. A few signed-in clients send reads and writes without pause;
// replica A gets SIGTERM with requests in flight, exits, is started again, then the same for B. Every request
// must get its 2xx (none reset, none refused, the sessions live on) and every write its audit entry.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserOf } from './helpers/browser.ts';
import type { Browser } from './helpers/browser.ts';
import type { StackProcess } from './helpers/local-stack.ts';
import { startReplicaStack } from './helpers/replica-stack.ts';
import type { ReplicaStack } from './helpers/replica-stack.ts';
import { WriteLedger, writes } from './helpers/write-ledger.ts';

const CLIENTS = 3;
/** Requests a (re)started replica serves before the next step of the rollout. */
const SERVED_BEFORE_NEXT = 10;

interface Replica {
  name: string;
  url: string;
  process: StackProcess;
  generation: number;
  draining: boolean;
  inFlight: number;
}

let stack: ReplicaStack;
const replicas: Replica[] = [];

beforeAll(async () => {
  stack = await startReplicaStack();
  const [a, b] = await Promise.all([stack.startReplica('a'), stack.startReplica('b')]);
  for (const [name, process] of [['a', a], ['b', b]] as const) replicas.push({ name, url: process.url, process, generation: 1, draining: false, inFlight: 0 });
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

it('SIGTERM, exit and restart of A, then of B, under reads and writes: every request gets its 2xx, every write its audit entry', async () => {
  const ledger = new WriteLedger();
  /** Requests served per replica generation ("a1", "a2", …), and reads that got no 2xx. */
  const served = new Map<string, number>();
  const failedReads: string[] = [];
  let turn = 0;
  /** The load balancer: the next replica in rotation, one request at a time. */
  const through = async <T>(send: (via: Replica) => Promise<T>): Promise<T> => {
    const rotation = replicas.filter((r) => !r.draining);
    const via = rotation[turn++ % rotation.length]!;
    const generation = `${via.name}${via.generation}`;
    via.inFlight++;
    try {
      return await send({ ...via });
    } finally {
      via.inFlight--;
      served.set(generation, (served.get(generation) ?? 0) + 1);
    }
  };

  const browsers: Browser[] = [];
  let adminArn = '';
  for (let c = 0; c < CLIENTS; c++) {
    const browser = browserOf({ timeoutMs: 20_000 });
    await through((via) => browser.get(via, '/api/session'));
    const signIn = await through((via) => browser.post(via, '/api/session', { demoIdentity: 'admin' }));
    expect(signIn.status).toBe(200);
    adminArn = signIn.body!.identity.arn as string;
    browsers.push(browser);
  }

  let stopping = false;
  const client = async (c: number) => {
    const browser = browsers[c]!;
    for (let i = 0; !stopping; i++) {
      const groupName = `Roll${c}-${i}`;
      if (!(await through((via) => ledger.write(browser, via, writes.createGroup(groupName))))) continue;
      await through(async (via) => {
        try {
          const read = await browser.get(via, `/api/groups/${groupName}`);
          if (read.status !== 200) failedReads.push(`${via.name}: GET ${groupName}: ${read.status} ${JSON.stringify(read.body)}`);
        } catch (err) {
          failedReads.push(`${via.name}: GET ${groupName}: ${String((err as { cause?: unknown }).cause ?? err)}`);
        }
      });
    }
  };
  const load = Promise.all(browsers.map((_, c) => client(c)));
  const hasServed = async (generation: string) => {
    while ((served.get(generation) ?? 0) < SERVED_BEFORE_NEXT) await sleep(10);
  };

  const inFlightAtSigterm: number[] = [];
  try {
    await Promise.all([hasServed('a1'), hasServed('b1')]);
    for (const replica of replicas) {
      while (replica.inFlight === 0) await sleep(1);
      // Out of rotation and signalled at once: requests already sent to it are in flight.
      replica.draining = true;
      inFlightAtSigterm.push(replica.inFlight);
      expect(await replica.process.terminate(), replica.process.output()).toBe(0);
      const restarted = await stack.startReplica(replica.name);
      Object.assign(replica, { process: restarted, url: restarted.url, generation: replica.generation + 1, draining: false });
      await hasServed(`${replica.name}${replica.generation}`);
    }
  } finally {
    stopping = true;
    await load;
  }

  const context = `${ledger.report()}\nreads:\n${failedReads.join('\n')}`;
  expect(inFlightAtSigterm.every((n) => n > 0), `requests in flight at each SIGTERM: ${inFlightAtSigterm}`).toBe(true);
  expect([...served.keys()].sort()).toEqual(['a1', 'a2', 'b1', 'b2']);
  expect([ledger.unanswered, ledger.refused, failedReads], context).toEqual([[], [], []]);
  await ledger.expectNothingLost(stack, adminArn);
}, 60_000);
