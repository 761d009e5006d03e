// The local stack as separate processes, as it runs for real: the embedded IAM/STS endpoint (the iam-local
// command) and the BFF (src/main.ts), each on a data directory that outlives it, so a test can kill -9
// either one and start it again on the same files.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';

const IAM_LOCAL_CLI = createRequire(import.meta.url).resolve('@iam-console/iam-local/cli/iam-local.ts');
const BFF_MAIN = join(import.meta.dirname, '../../src/main.ts');
const START_TIMEOUT_MS = 30_000;

export interface StackProcess {
  url: string;
  /** SIGKILL: no handler runs, nothing is flushed or closed. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM: the process shuts down as it would under an orchestrator. Resolves with its exit code once it is gone. */
  terminate(): Promise<number | null>;
  /** Everything it wrote so far (for failure messages). */
  output(): string;
}

/** A port free right now, for a process that must come back on the same one after a restart. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts `node <script> ...args` and resolves with the URL `ready` finds in its output. */
function startProcess(what: string, args: string[], env: NodeJS.ProcessEnv, ready: (output: string) => string | undefined): Promise<StackProcess> {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${what} did not start within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code}) before it was ready:\n${output}`));
    };
    child.once('exit', onExit);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = ready(output);
      if (url === undefined) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve({
        url,
        output: () => output,
        async kill() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          await exited;
        },
        async terminate() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  });
}

/** Only what the processes need: the developer's AWS_* variables must not reach them. */
function baseEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR };
}

/** iam-local on a fixed port (the BFF keeps its URL across an endpoint restart), demo account seeded on first start. */
export function startEndpointProcess(dataDir: string, port: number): Promise<StackProcess> {
  return startProcess('iam-local', [IAM_LOCAL_CLI, '--port', String(port), '--data-dir', dataDir, '--seed', 'demo'], baseEnv(), (out) =>
    // The credentials line is printed last, once the server listens.
    out.includes('credentials file') ? /at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1] : undefined,
  );
}

/** The BFF on a free port, in local mode against `iamUrl`. */
export function startBffProcess(options: { dataDir: string; iamUrl: string; demoIdentitiesFile: string; env?: Record<string, string> }): Promise<StackProcess> {
  const env = {
    ...baseEnv(),
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: options.dataDir,
    STATIC_DIR: join(options.dataDir, 'no-web'),
    AWS_ENDPOINT_URL_IAM: options.iamUrl,
    AWS_ENDPOINT_URL_STS: options.iamUrl,
    IAM_CONSOLE_LOCAL_DEMO: options.demoIdentitiesFile,
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  return startProcess('BFF', [BFF_MAIN], env, (out) => /IAM console: (http:\/\/\S+)/.exec(out)?.[1]);
}
