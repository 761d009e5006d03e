// ListUsers(MaxItems=100) latency through the SDK at 100 and at 10,000 users: a page must cost the same whatever
// the account size (keyset pagination in SQL). Also a page deep in the 10,000-user list, reached by Marker.
import { ListUsersCommand } from '@aws-sdk/client-iam';
import { median, report, sample, startBenchServer } from './bench-kit.ts';

const RUNS = 300;

async function measure(users: number): Promise<{ first: number; server: number; deep: number | undefined }> {
  let serverTimes: number[] = [];
  const bench = await startBenchServer('scale', users, (entry) => serverTimes.push(entry.ms));
  try {
    const iam = bench.iam();
    const first = median(await sample(() => iam.send(new ListUsersCommand({ MaxItems: 100 })), RUNS));
    // Inside the server's pipeline (SigV4, authorization, SQL, XML) for the same calls; the rest is the SDK.
    const server = median(serverTimes.slice(-RUNS));
    serverTimes = [];
    let deep: number | undefined;
    if (users >= 10_000) {
      let marker: string | undefined;
      for (let page = 0; page < 50; page++) marker = (await iam.send(new ListUsersCommand({ MaxItems: 100, Marker: marker }))).Marker;
      deep = median(await sample(() => iam.send(new ListUsersCommand({ MaxItems: 100, Marker: marker })), RUNS));
    }
    return { first, server, deep };
  } finally {
    await bench.close();
  }
}

const small = await measure(100);
const large = await measure(10_000);
report('iam-local.listUsers.maxItems100.users100.median', small.first, 'ms');
report('iam-local.listUsers.maxItems100.users10000.median', large.first, 'ms');
report('iam-local.listUsers.maxItems100.users100.serverSide.median', small.server, 'ms');
report('iam-local.listUsers.maxItems100.users10000.serverSide.median', large.server, 'ms');
if (large.deep !== undefined) report('iam-local.listUsers.maxItems100.users10000.page51.median', large.deep, 'ms');
report('iam-local.listUsers.ratio.users10000_vs_users100', large.first / small.first, 'x', '<= 1.5 (must not grow with account size)');
