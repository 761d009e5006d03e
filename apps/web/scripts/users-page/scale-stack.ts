// The real stack for the Users page figure: the local console seeded with 10,000 users, started as a child
// process (apps/bff/bench/support/scale-console.ts) so the BFF and the endpoint do not share this process's event
// loop with the browser driver. The seeded data dir lives in a temp dir for this run only and is removed on close.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const script = join(import.meta.dirname, '..', '..', '..', 'bff', 'bench', 'support', 'scale-console.ts');

export interface ScaleStack {
  url: string;
  /** Start time including seeding the 10,000 users. */
  startMs: number;
  close(): Promise<void>;
}

export async function startScaleStack(): Promise<ScaleStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'web-bench-scale-'));
  const child = spawn(process.execPath, [script, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const kill = () => child.kill('SIGKILL');
  // Even if the bench dies early, the console goes with it.
  process.on('exit', kill);
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    process.off('exit', kill);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const ready = await new Promise<{ url: string; startMs: number }>((resolve, reject) => {
      // Every stdout line is read (the BFF's request log included) so the pipe never fills and stalls the child.
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line.startsWith('{"url"')) resolve(JSON.parse(line) as { url: string; startMs: number });
      });
      child.once('exit', (code) => reject(new Error(`the scale console exited before it was ready (${code})`)));
    });
    return { ...ready, close };
  } catch (error) {
    await close();
    throw error;
  }
}
