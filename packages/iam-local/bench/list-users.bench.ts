// ListUsers(MaxItems=100) latency through the SDK at 100 and at 10,000 users: a page must cost the same whatever
// the account size (keyset pagination in SQL). Also the first page after a marker deep into the list.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IAMClient, ListUsersCommand } from '@aws-sdk/client-iam';
import { openDatabase } from '../src/model/db.ts';
import { ensureAccount, getAccount } from '../src/model/account.ts';
import { createUser } from '../src/model/users.ts';
import { startIamServer } from '../src/server.ts';

const ROUNDS = 200;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function measure(users: number): Promise<{ first: number; deep: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'iam-bench-list-'));
  const db = openDatabase(dataDir);
  ensureAccount(db, { accountId: '123456789012' });
  const created = new Date('2026-01-01T00:00:00Z');
  db.transaction(() => {
    for (let i = 0; i < users; i++) createUser(db, { name: `user-${String(i).padStart(6, '0')}`, path: '/' }, created);
  })();
  db.close();
  const server = await startIamServer({ dataDir, seed: 'none', port: 0 });
  const root = getAccount(server.state.db)?.rootAccessKey;
  if (!root) throw new Error('no root key');
  const iam = new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: root, maxAttempts: 1 });
  try {
    // A marker past the middle of the list: the page after it must not cost more than the first page.
    let marker: string | undefined;
    for (let skipped = 0; skipped < users / 2; skipped += 1000) {
      const page = await iam.send(new ListUsersCommand({ MaxItems: 1000, Marker: marker }));
      marker = page.Marker;
    }
    for (let i = 0; i < 20; i++) await iam.send(new ListUsersCommand({ MaxItems: 100 })); // warm-up
    const first: number[] = [];
    const deep: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      let t0 = performance.now();
      await iam.send(new ListUsersCommand({ MaxItems: 100 }));
      first.push(performance.now() - t0);
      t0 = performance.now();
      await iam.send(new ListUsersCommand({ MaxItems: 100, Marker: marker }));
      deep.push(performance.now() - t0);
    }
    return { first: median(first), deep: median(deep) };
  } finally {
    iam.destroy();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const small = await measure(100);
const large = await measure(10_000);
const line = (name: string, value: number, target: string, unit = 'ms') =>
  console.log(JSON.stringify({ name, value: Number(value.toFixed(3)), unit, target }));
line('ListUsers(MaxItems=100) median latency, 100 users', small.first, 'baseline');
line('ListUsers(MaxItems=100) median latency, 10,000 users', large.first, `<= ${(small.first * 1.5).toFixed(3)} (1.5x the 100-user figure)`);
line('ListUsers(MaxItems=100) after a marker half-way, 10,000 users', large.deep, `<= ${(small.first * 1.5).toFixed(3)} (1.5x the 100-user figure)`);
line('ListUsers 10,000/100 users latency ratio', large.first / small.first, '<= 1.5', 'ratio');
