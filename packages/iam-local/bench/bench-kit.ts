// Shared pieces of the iam-local benchmarks: a server on a fresh data directory, SDK clients, statistics and
// the one-JSON-line-per-figure output.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IAMClient } from '@aws-sdk/client-iam';
import { getAccount } from '../src/model/account.ts';
import { createAccessKey } from '../src/model/access-keys.ts';
import { attachPolicy } from '../src/model/attachments.ts';
import { userOwner } from '../src/model/credential-owner.ts';
import type { Db } from '../src/model/db.ts';
import { addUserToGroup, createGroup } from '../src/model/groups.ts';
import { createUser } from '../src/model/users.ts';
import { startIamServer, type IamServer, type SeedKind } from '../src/server.ts';
import type { CallLogEntry } from '../src/protocol/pipeline.ts';

export interface BenchServer {
  server: IamServer;
  keys: { accessKeyId: string; secretAccessKey: string };
  /** A client signed with the root user's key. */
  iam(): IAMClient;
  /** A client signed with other keys (an IAM user's). */
  iamAs(keys: { accessKeyId: string; secretAccessKey: string }): IAMClient;
  close(): Promise<void>;
}

export async function startBenchServer(seed: SeedKind, users?: number, log?: (entry: CallLogEntry) => void): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'iam-local-bench-'));
  const server = await startIamServer({ dataDir, seed, ...(users !== undefined ? { users } : {}), ...(log ? { log } : {}) });
  const root = getAccount(server.state.db)?.rootAccessKey;
  if (!root) throw new Error('no root key');
  const clients: IAMClient[] = [];
  const iamAs = (keys: { accessKeyId: string; secretAccessKey: string }) => {
    const client = new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: keys, maxAttempts: 1 });
    clients.push(client);
    return client;
  };
  return {
    server,
    keys: root,
    iam: () => iamAs(root),
    iamAs,
    async close() {
      for (const client of clients) client.destroy();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * An IAM user `<prefix>-admin` whose access comes from AdministratorAccess attached to its group `<prefix>-admins`,
 * so every call it makes runs policy evaluation as a real admin's would. Returns its access key.
 */
export function createGroupAdmin(db: Db, prefix: string): { accessKeyId: string; secretAccessKey: string } {
  const now = new Date();
  const admins = createGroup(db, { name: `${prefix}-admins`, path: '/' }, now);
  attachPolicy(db, { type: 'group', id: admins.id }, 'arn:aws:iam::aws:policy/AdministratorAccess');
  const admin = createUser(db, { name: `${prefix}-admin`, path: '/' }, now);
  addUserToGroup(db, admins.name, admin.name);
  const key = createAccessKey(db, userOwner(admin), { now });
  return { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
}

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Times `fn` `runs` times after `warmup` untimed runs; returns milliseconds per run. */
export async function sample(fn: () => unknown, runs: number, warmup = Math.ceil(runs / 10)): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

export function report(name: string, value: number, unit: string, target?: string): void {
  const rounded = Math.round(value * 1000) / 1000;
  process.stdout.write(`${JSON.stringify({ name, value: rounded, unit, ...(target ? { target } : {}) })}\n`);
}
