// Replicas bench (pnpm bench:replicas): what a second BFF replica brings, and what the shared audit log costs.
// - Throughput of GET /api/users (one ListUsers as the signed-in root) through the round-robin proxy
//   (scripts/round-robin-proxy.ts) to one replica, then to two, with sessions in Redis; every process on its own
//   (endpoint, replicas, proxy, Redis, PostgreSQL), this one only drives autocannon. Rounds alternate 1 and 2 so
//   a slow patch of the machine hits both alike; the figure is the mean of the rounds.
// - p50 of one audit append (a committed INSERT) to PostgreSQL (fsync on, as PostgreSQL ships) and to SQLite
//   (audit.sqlite, WAL), in this process, interleaved.
// Needs redis-server and postgresql (scripts/ensure-test-deps.sh). JSON lines {name, value, unit, target?}.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { AuditLog } from '../src/audit/audit-log.ts';
import { PostgresAuditLog } from '../src/audit/postgres-audit-log.ts';
import type { AuditEntryInput, AuditStore } from '../src/audit/audit-store.ts';
import { startPostgres } from '../test/helpers/postgres.ts';
import { startRedis } from '../test/helpers/redis.ts';
import { freePort } from '../test/helpers/local-stack.ts';
import { emit, firstLine, percentile, profile } from './support/kit.ts';

const ROUNDS = 3;
const SECONDS = 5;
const CONNECTIONS = 16;
const APPENDS = 2000;
const here = import.meta.dirname;
const work = mkdtempSync(join(tmpdir(), 'bff-bench-replicas-'));
const children: ChildProcess[] = [];
process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));

/** Which part of the stack each child process is, for the CPU each spends per request. */
const roles = new Map<ChildProcess, string>();

function start(role: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<string> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  children.push(child);
  roles.set(child, role);
  return firstLine(child, ready);
}

/** CPU milliseconds (user + system) used so far, per role; `client` is this process (autocannon). */
function cpuByRole(): Map<string, number> {
  const tick = 1000 / 100; // USER_HZ: Linux reports /proc/<pid>/stat times in 1/100 s
  const out = new Map<string, number>([['client', (process.cpuUsage().user + process.cpuUsage().system) / 1000]]);
  for (const [child, role] of roles) {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    out.set(role, (out.get(role) ?? 0) + (Number(fields[11]) + Number(fields[12])) * tick);
  }
  return out;
}

async function appendP50s(stores: AuditStore[]): Promise<number[]> {
  const entry = (i: number): AuditEntryInput => ({
    time: new Date().toISOString(),
    callerArn: 'arn:aws:iam::123456789012:user/bench',
    operation: 'CreateUser',
    target: `user/bench-${i}`,
    result: 'success',
    awsRequestId: '3e5a4b6c-0000-4000-8000-000000000000',
    httpStatus: 201,
  });
  for (const store of stores) for (let i = 0; i < 200; i++) await store.append(entry(i));
  const samples = stores.map((): number[] => []);
  for (let i = 0; i < APPENDS; i++) {
    for (let k = 0; k < stores.length; k++) {
      const which = (i + k) % stores.length;
      const t = performance.now();
      await stores[which]!.append(entry(i));
      samples[which]!.push(performance.now() - t);
    }
  }
  return samples.map((s) => percentile(s, 50));
}

const redis = await startRedis();
const postgres = await startPostgres({ durable: true });
try {
  // Audit append first, with nothing else running.
  const sqlite = new AuditLog(join(work, 'audit.sqlite'));
  const pgLog = await PostgresAuditLog.open(await postgres.createDatabase('append_bench'));
  const [pgP50 = NaN, sqliteP50 = NaN] = await appendP50s([pgLog, sqlite]);
  emit('bff.audit.append.postgres.p50', pgP50, 'ms', '<= 5');
  emit('bff.audit.append.sqlite.p50', sqliteP50, 'ms');
  await pgLog.close();
  sqlite.close();

  const endpoint = JSON.parse(await start('endpoint', [join(here, 'support/endpoint.ts'), join(work, 'iam')], {}, /^\{/)) as { url: string; credentialsFile: string };
  const root = profile(endpoint.credentialsFile, 'root');
  // The proxies' addresses are the console's public ones (the replicas' Host allow-list).
  const proxyPorts = [await freePort(), await freePort()];
  const shared = {
    HOST: '127.0.0.1',
    PORT: '0',
    STATIC_DIR: join(work, 'web'),
    AWS_ENDPOINT_URL_IAM: endpoint.url,
    AWS_ENDPOINT_URL_STS: endpoint.url,
    REDIS_URL: redis.url,
    DATABASE_URL: postgres.url,
    SESSION_ENCRYPTION_KEY: 'cd'.repeat(32),
    TRUST_PROXY: '1',
    PUBLIC_URL: proxyPorts.map((port) => `http://127.0.0.1:${port}`).join(','),
    LOG_LEVEL: 'info',
  };
  const replica = async (name: string) =>
    (await start('bff', [join(here, '../src/main.ts')], { ...shared, DATA_DIR: join(work, name) }, /^IAM console: /)).replace('IAM console: ', '');
  const replicas = await Promise.all([replica('a'), replica('b')]);
  const proxy = (port: number, upstreams: string[]) => start('proxy', [join(here, '../scripts/round-robin-proxy.ts'), String(port), ...upstreams], {}, /^round-robin proxy: /).then((line) => /(http:\/\/\S+)/.exec(line)![1]!);
  const one = await proxy(proxyPorts[0]!, replicas.slice(0, 1));
  const two = await proxy(proxyPorts[1]!, replicas);

  // Signed in through the two-replica proxy; the session (in Redis) serves both measurements.
  const first = await fetch(`${two}/api/session`);
  const csrf = ((await first.json()) as { csrfToken: string }).csrfToken;
  const anonymous = (first.headers.get('set-cookie') ?? '').split(';')[0]!;
  const signIn = await fetch(`${two}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, cookie: anonymous }, body: JSON.stringify(root) });
  if (signIn.status !== 200) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;

  const cpuPerRequest = { one: new Map<string, number>(), two: new Map<string, number>() };
  const throughput = async (url: string, cpu: Map<string, number>) => {
    const before = cpuByRole();
    const result = await autocannon({ url: `${url}/api/users`, headers: { cookie }, connections: CONNECTIONS, duration: SECONDS });
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} non-2xx answers, ${result.errors} errors`);
    for (const [role, ms] of cpuByRole()) cpu.set(role, (cpu.get(role) ?? 0) + (ms - before.get(role)!) / result.requests.total / ROUNDS);
    return result.requests.average;
  };
  await autocannon({ url: `${two}/api/users`, headers: { cookie }, connections: CONNECTIONS, duration: 2 }); // warm-up
  const rates = { one: [] as number[], two: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    rates.one.push(await throughput(one, cpuPerRequest.one));
    rates.two.push(await throughput(two, cpuPerRequest.two));
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  emit('machine.cpus', availableParallelism(), 'cores');
  emit('bff.replicas.1.listUsers.throughput', mean(rates.one), 'req/s');
  emit('bff.replicas.2.listUsers.throughput', mean(rates.two), 'req/s');
  // What bounds the ratio: the CPU each part spends per request (ms), against the cores there are.
  for (const [n, cpu] of [['1', cpuPerRequest.one], ['2', cpuPerRequest.two]] as const) {
    for (const [role, ms] of cpu) emit(`bff.replicas.${n}.cpu-per-request.${role}`, ms, 'ms');
    const total = [...cpu.values()].reduce((a, b) => a + b, 0);
    emit(`bff.replicas.${n}.cpu-per-request.total`, total, 'ms');
    emit(`bff.replicas.${n}.cpu-bound-throughput`, (availableParallelism() * 1000) / total, 'req/s');
  }
  emit('bff.replicas.throughput.ratio', mean(rates.two) / mean(rates.one), 'x', availableParallelism() > 2 ? '>= 1.5' : '>= 1');
} finally {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : undefined)));
  await redis.stop();
  postgres.stop();
  rmSync(work, { recursive: true, force: true });
}
