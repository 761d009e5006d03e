// ListUsers(MaxItems=100) latency through the SDK at 100 and at 10,000 users: a page must cost the same whatever
// the account size (keyset pagination in SQL). Both accounts run side by side and are sampled in alternation, so
// load from elsewhere on the machine hits both alike. Also a page deep in the 10,000-user list, reached by Marker.
import { ListUsersCommand } from '@aws-sdk/client-iam';
import { median, report, sample, startBenchServer, type BenchServer } from './bench-kit.ts';

const ROUNDS = 30;
const PER_ROUND = 10;

interface Subject {
  bench: BenchServer;
  send: (marker?: string) => Promise<unknown>;
  times: number[];
  /** Pipeline time inside the server (SigV4, authorization, SQL, XML); the rest of a round trip is the SDK. */
  serverTimes: number[];
}

async function subject(users: number): Promise<Subject> {
  const serverTimes: number[] = [];
  const bench = await startBenchServer('scale', users, (entry) => serverTimes.push(entry.ms));
  const iam = bench.iam();
  return { bench, send: (marker) => iam.send(new ListUsersCommand({ MaxItems: 100, Marker: marker })), times: [], serverTimes };
}

const small = await subject(100);
const large = await subject(10_000);
try {
  for (const s of [small, large]) await sample(() => s.send(), 20);
  for (const s of [small, large]) s.serverTimes.length = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const s of [small, large]) s.times.push(...(await sample(() => s.send(), PER_ROUND, 0)));
  }
  let marker: string | undefined;
  for (let page = 0; page < 50; page++) marker = ((await large.send(marker)) as { Marker?: string }).Marker;
  const deep = median(await sample(() => large.send(marker), ROUNDS * PER_ROUND));

  const serverSide = (s: Subject) => median(s.serverTimes.slice(0, ROUNDS * PER_ROUND));
  report('iam-local.listUsers.maxItems100.users100.median', median(small.times), 'ms');
  report('iam-local.listUsers.maxItems100.users10000.median', median(large.times), 'ms');
  report('iam-local.listUsers.maxItems100.users100.serverSide.median', serverSide(small), 'ms');
  report('iam-local.listUsers.maxItems100.users10000.serverSide.median', serverSide(large), 'ms');
  report('iam-local.listUsers.maxItems100.users10000.page51.median', deep, 'ms');
  report('iam-local.listUsers.ratio.users10000_vs_users100', median(large.times) / median(small.times), 'x', '<= 1.5 (must not grow with account size)');
} finally {
  await small.bench.close();
  await large.bench.close();
}
