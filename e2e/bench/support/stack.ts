// The demo console (embedded endpoint seeded with the demo account, the BFF serving the built SPA) for one bench
// run, on a temp data dir removed at close. In this process, as the end-to-end suite runs it: the pages measured
// make a handful of small calls, and the browser itself runs in its own processes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalConsole } from '@iam-console/bff/local.ts';

export interface BenchStack {
  url: string;
  iamUrl: string;
  credentialsFile: string;
  accountId: string;
  close(): Promise<void>;
}

export async function startDemoStack(): Promise<BenchStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'e2e-bench-'));
  const local = await startLocalConsole({ dataDir, port: 0, seed: 'demo', env: { ...process.env, LOG_LEVEL: 'warn' } });
  return {
    url: local.url,
    iamUrl: local.iamUrl,
    credentialsFile: local.credentialsFile,
    accountId: local.accountId,
    async close() {
      await local.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
