// The audit bundle for 10,000 users: the local console seeded with `seed: 'scale'` in a child process (the BFF and
// the embedded endpoint, as `startLocalConsole` runs them), signed in as the seeded admin, the credential report
// generated; then GET /api/audit-bundle read to the end, BENCH_RUNS times (default 5) after one warm-up. Figures:
// the median time to the last byte, and the child's memory growth while it makes a bundle: its peak resident set
// (VmHWM, reset before each run through /proc/<pid>/clear_refs) minus its resident set just before.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const script = join(import.meta.dirname, 'support', 'scale-console.ts');

const report = (name: string, value: number, unit: string, target?: string) =>
  console.log(JSON.stringify({ name, value: Math.round(value * 10) / 10, unit, ...(target ? { target } : {}) }));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** VmRSS or VmHWM of a process, in MB. */
function memoryMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

const dataDir = mkdtempSync(join(tmpdir(), 'bff-bench-bundle-'));
const child = spawn(process.execPath, [script, dataDir], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LOG_LEVEL: 'warn' } });
const killChild = () => child.kill('SIGKILL');
process.on('exit', killChild);
try {
  const { url } = await new Promise<{ url: string }>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('{"url"')) resolve(JSON.parse(line) as { url: string });
    });
    child.once('exit', (code) => reject(new Error(`the scale console exited before it was ready (${code})`)));
  });
  const first = await fetch(`${url}/api/session`);
  const anonymous = (first.headers.getSetCookie() ?? []).map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await first.json()) as { csrfToken: string };
  const signIn = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: anonymous },
    body: JSON.stringify({ demoIdentity: 'admin' }),
  });
  if (signIn.status !== 200) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
  const cookie = (signIn.headers.getSetCookie() ?? []).map((c) => c.split(';')[0]).join('; ');
  const token = ((await signIn.json()) as { csrfToken: string }).csrfToken;
  for (let state = ''; state !== 'COMPLETE'; ) {
    const res = await fetch(`${url}/api/credential-report`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie }, body: '{}' });
    state = ((await res.json()) as { state: string }).state;
    if (state !== 'COMPLETE') await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const bundle = async () => {
    const start = performance.now();
    const res = await fetch(`${url}/api/audit-bundle`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`bundle: ${res.status} ${await res.text()}`);
    let bytes = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
    return { ms: performance.now() - start, bytes };
  };
  await bundle();
  const times: number[] = [];
  const growth: number[] = [];
  let size = 0;
  for (let run = 0; run < RUNS; run++) {
    writeFileSync(`/proc/${child.pid}/clear_refs`, '5');
    const before = memoryMb(child.pid!, 'VmRSS');
    const { ms, bytes } = await bundle();
    growth.push(memoryMb(child.pid!, 'VmHWM') - before);
    times.push(ms);
    size = bytes;
  }
  report('bff.audit_bundle.users10000.median', median(times), 'ms', '<= 2000');
  report('bff.audit_bundle.users10000.memory_growth.max', Math.max(...growth), 'MB', '<= 50');
  report('bff.audit_bundle.users10000.size', size / 1024 / 1024, 'MB');
} finally {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  process.off('exit', killChild);
  rmSync(dataDir, { recursive: true, force: true });
}
