// BFF overhead per proxied call: GET /api/users through the BFF (one ListUsers call as the signed-in
// principal) versus the same ListUsers call made with the SDK straight to the endpoint. The endpoint and the BFF each run in their own process, as in
// production; this process is only the client. p50s come from sequential calls, interleaved, timed with
// performance.now() (autocannon's histogram has whole-millisecond resolution, too coarse for a 2 ms
// target); autocannon then measures proxied and raw direct throughput under 4 connections.
// Also reported: the raw HTTP replay of the SDK's signed request (the endpoint alone, no SDK cost).
import { spawn } from 'node:child_process';
import { Agent, get as httpGet } from 'node:http';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateUserCommand, IAMClient, ListUsersCommand } from '@aws-sdk/client-iam';
import autocannon from 'autocannon';
import { emit, firstLine, percentile, profile } from './support/kit.ts';

const ITERATIONS = 3000;
const WARMUP = 200;
const here = import.meta.dirname;

/**
 * Times the calls interleaved one by one, rotating their order, so that background load on the shared
 * cores (and the endpoint's own state) hits every kind of call alike: with blocks of 1,000 calls per kind,
 * the difference between two p50s swung by ±0.5 ms from run to run on a 2-core machine.
 */
async function timeInterleaved(calls: (() => Promise<void>)[]): Promise<number[][]> {
  for (const call of calls) for (let i = 0; i < WARMUP; i++) await call();
  const samples = calls.map((): number[] => []);
  for (let i = 0; i < ITERATIONS; i++) {
    for (let k = 0; k < calls.length; k++) {
      const which = (i + k) % calls.length;
      const start = performance.now();
      await calls[which]!();
      samples[which]!.push(performance.now() - start);
    }
  }
  return samples;
}

const work = mkdtempSync(join(tmpdir(), 'bff-bench-'));
const children: ChildProcess[] = [];
// Even if this process dies early (e.g. EPIPE when its output is cut short), the servers go with it.
process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));
try {
  const endpointProcess = spawn(process.execPath, [join(here, 'support/endpoint.ts'), join(work, 'iam')], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(endpointProcess);
  const endpoint = JSON.parse(await firstLine(endpointProcess, /^\{/)) as { url: string; credentialsFile: string };
  const root = profile(endpoint.credentialsFile, 'root');
  const iam = new IAMClient({ endpoint: endpoint.url, region: 'us-east-1', credentials: root, maxAttempts: 1 });
  await iam.send(new CreateUserCommand({ UserName: 'bench-user' }));

  // Capture the exact signed HTTP request the SDK sends for ListUsers, to replay it as the direct baseline.
  let signed: { headers: Record<string, string>; body: string } | undefined;
  iam.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers: Record<string, string>; body: string };
      signed ??= { headers: { ...request.headers }, body: String(request.body) };
      return next(args);
    },
    { step: 'deserialize', priority: 'high', name: 'captureSignedRequest' },
  );
  await iam.send(new ListUsersCommand({}));
  if (!signed) throw new Error('no signed request captured');
  const directRequest = signed;

  const bffProcess = spawn(process.execPath, [join(here, '../src/main.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env, PORT: '0', DATA_DIR: join(work, 'bff'), LOG_LEVEL: 'info',
      AWS_ENDPOINT_URL_IAM: endpoint.url, AWS_ENDPOINT_URL_STS: endpoint.url, STATIC_DIR: join(work, 'web'),
    },
  });
  children.push(bffProcess);
  const bffUrl = (await firstLine(bffProcess, /^IAM console: /)).replace('IAM console: ', '');

  // Sign in through the BFF like the SPA does: fetch the CSRF token, post the keys, keep the cookie.
  const first = await fetch(`${bffUrl}/api/session`);
  const csrf = ((await first.json()) as { csrfToken: string }).csrfToken;
  let cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]!;
  const signIn = await fetch(`${bffUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, cookie }, body: JSON.stringify(root) });
  if (signIn.status !== 200) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
  cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;

  const proxiedUrl = `${bffUrl}/api/users`;
  const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });
  const direct = () => fetch(`${endpoint.url}/`, { method: 'POST', headers: directRequest.headers, body: directRequest.body }).then(async (r) => {
    if (r.status !== 200) throw new Error(`direct ListUsers: ${r.status}`);
    await r.arrayBuffer();
  });
  // The proxied call goes out through node:http with a keep-alive agent, the same transport the SDK uses for
  // the direct call, so the difference is the BFF and not the client library (fetch adds ~0.5 ms of its own).
  const proxied = () => new Promise<void>((resolve, reject) => {
    const req = httpGet(proxiedUrl, { agent: keepAlive, headers: { cookie } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`proxied ListUsers: ${res.statusCode} ${Buffer.concat(chunks)}`))));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
  const sdk = async () => void (await iam.send(new ListUsersCommand({})));

  const [sdkSamples, proxiedSamples, rawSamples] = await timeInterleaved([sdk, proxied, direct]) as [number[], number[], number[]];
  const sdkP50 = percentile(sdkSamples, 50);
  const proxiedP50 = percentile(proxiedSamples, 50);
  emit('bff.overhead.p50', proxiedP50 - sdkP50, 'ms', '<= 2');
  emit('bff.listUsers.proxied.p50', proxiedP50, 'ms');
  emit('bff.listUsers.sdk-direct.p50', sdkP50, 'ms');
  emit('bff.listUsers.raw-http-direct.p50', percentile(rawSamples, 50), 'ms');
  emit('bff.listUsers.proxied.p99', percentile(proxiedSamples, 99), 'ms');
  emit('bff.listUsers.sdk-direct.p99', percentile(sdkSamples, 99), 'ms');

  const cannon = async (opts: autocannon.Options) => (await autocannon({ connections: 4, duration: 3, ...opts })).requests.average;
  const { host: _host, 'content-length': _length, ...replayHeaders } = directRequest.headers;
  emit('bff.listUsers.proxied.throughput', await cannon({ url: proxiedUrl, headers: { cookie } }), 'req/s');
  emit('bff.listUsers.raw-http-direct.throughput', await cannon({ url: `${endpoint.url}/`, method: 'POST', headers: replayHeaders, body: directRequest.body }), 'req/s');
  iam.destroy();
} finally {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : undefined)));
  rmSync(work, { recursive: true, force: true });
}
