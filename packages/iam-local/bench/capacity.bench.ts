// Capacity of the endpoint: signed GetUser requests per second from 8 keep-alive connections. One request, signed
// once by the SDK for an IAM user whose access comes from AdministratorAccess on its group, is replayed by
// autocannon: each replay is verified in full (SigV4 signature recomputed, clock skew, key lookup, policy
// evaluation) as any call is. Next to it, in the same run, a zero-work node:http server gives the ceiling of this
// machine at this moment, so a figure taken on a busy machine can still be read against it.
// The endpoint and the zero-work server each run in a process of their own, alternately, never both under load.
// IAM_CAPACITY_CPU_PROF=<dir> writes a CPU profile of the endpoint (node --cpu-prof) to that directory.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { GetUserCommand, IAMClient } from '@aws-sdk/client-iam';
import autocannon from 'autocannon';
import { median, report } from './bench-kit.ts';

const CONNECTIONS = 8;
const ROUNDS = 3;
const SECONDS = 3;
const here = import.meta.dirname;

interface Child {
  process: ChildProcess;
  info: Record<string, string>;
}

function start(script: string, nodeArgs: string[] = []): Promise<Child> {
  const child = spawn(process.execPath, [...nodeArgs, `${here}/support/${script}`], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve({ process: child, info: JSON.parse(line) as Record<string, string> }));
    child.once('exit', (code) => reject(new Error(`${script} exited early (${code})`)));
  });
}

function stop(child: Child): Promise<unknown> {
  if (child.process.exitCode !== null) return Promise.resolve();
  const exited = new Promise((resolve) => child.process.once('exit', resolve));
  child.process.kill('SIGTERM');
  return exited;
}

/** The exact HTTP request the SDK sends for GetUser (headers and body), captured before it leaves. */
async function signedGetUser(url: string, credentials: { accessKeyId: string; secretAccessKey: string }): Promise<{ headers: Record<string, string>; body: string }> {
  const iam = new IAMClient({ endpoint: url, region: 'us-east-1', credentials, maxAttempts: 1 });
  let signed: { headers: Record<string, string>; body: string } | undefined;
  iam.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers: Record<string, string>; body: string };
      signed ??= { headers: { ...request.headers }, body: String(request.body) };
      return next(args);
    },
    { step: 'deserialize', priority: 'high', name: 'captureSignedRequest' },
  );
  const answer = await iam.send(new GetUserCommand({}));
  iam.destroy();
  if (!signed || !answer.User?.UserName) throw new Error('no signed GetUser captured');
  const { host: _host, 'content-length': _length, ...headers } = signed.headers;
  return { headers, body: signed.body };
}

async function requestsPerSecond(url: string, request: { headers: Record<string, string>; body: string }, seconds: number): Promise<number> {
  const result = await autocannon({ url: `${url}/`, method: 'POST', ...request, connections: CONNECTIONS, duration: seconds });
  // A refused replay (403, 400) would be fast and meaningless: every answer must be a 200.
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return result.requests.total / seconds;
}

const profileDir = process.env['IAM_CAPACITY_CPU_PROF'];
const endpoint = await start('capacity-endpoint.ts', profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
const zeroWork = await start('zero-work-server.ts');
process.on('exit', () => [endpoint, zeroWork].forEach((child) => child.process.kill('SIGKILL')));
try {
  const url = endpoint.info['url'] as string;
  const getUser = await signedGetUser(url, { accessKeyId: endpoint.info['accessKeyId'] as string, secretAccessKey: endpoint.info['secretAccessKey'] as string });
  const zeroUrl = zeroWork.info['url'] as string;
  // Warm-up: JIT, caches and connections of both servers.
  await requestsPerSecond(url, getUser, 1);
  await requestsPerSecond(zeroUrl, getUser, 1);
  const raw: number[] = [];
  const zero: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    raw.push(await requestsPerSecond(url, getUser, SECONDS));
    zero.push(await requestsPerSecond(zeroUrl, getUser, SECONDS));
  }
  const rawRps = median(raw);
  const zeroRps = median(zero);
  report('iam.capacity.raw_getuser_rps', rawRps, 'req/s', '>= 4000');
  report('iam.capacity.zero_work_rps', zeroRps, 'req/s');
  report('iam.capacity.raw_getuser_share_of_zero_work', rawRps / zeroRps, 'ratio');
} finally {
  await Promise.all([stop(endpoint), stop(zeroWork)]);
}
