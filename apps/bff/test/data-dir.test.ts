// The data directory holds session ids, CSRF tokens, the audit log and the encryption key: owner only.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { startConsole } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logging.ts';

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

let parent: string;
afterEach(() => rmSync(parent, { recursive: true, force: true }));

async function start(dataDir: string) {
  const lines: string[] = [];
  const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
  const config = { ...loadConfig({ DATA_DIR: dataDir, STATIC_DIR: join(parent, 'web') }), port: 0 };
  const running = await startConsole(config, { logger: createLogger('info', sink) });
  // A session row and an audit entry, so SQLite has written its -wal/-shm files.
  await request(running.server).get('/api/session');
  await request(running.server).post('/api/session').send({});
  return { running, lines };
}

describe('the data directory', () => {
  it('is created 0700 with every file in it 0600, SQLite -wal/-shm included', async () => {
    parent = mkdtempSync(join(tmpdir(), 'bff-data-'));
    const dataDir = join(parent, 'bff');
    const { running } = await start(dataDir);
    try {
      expect(modeOf(dataDir)).toBe('700');
      const files = readdirSync(dataDir);
      expect(files).toEqual(expect.arrayContaining(['sessions.sqlite', 'sessions.sqlite-wal', 'audit.sqlite', 'audit.sqlite-wal', 'recent-roles.sqlite', 'recent-roles.sqlite-wal', 'session-encryption.key']));
      for (const file of files) expect([file, modeOf(join(dataDir, file))]).toEqual([file, '600']);
    } finally {
      await running.close();
    }
  });

  it('is tightened at start when an earlier version left it 0755 with 0644 files', async () => {
    parent = mkdtempSync(join(tmpdir(), 'bff-data-'));
    const dataDir = join(parent, 'bff');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    const first = await start(dataDir);
    await first.running.close();
    for (const file of readdirSync(dataDir)) chmodSync(join(dataDir, file), 0o644);
    // SQLite removes -wal/-shm at a clean close; a crashed process leaves them behind.
    for (const leftover of ['sessions.sqlite-wal', 'sessions.sqlite-shm', 'audit.sqlite-wal', 'audit.sqlite-shm', 'recent-roles.sqlite-wal', 'recent-roles.sqlite-shm']) {
      if (!existsSync(join(dataDir, leftover))) writeFileSync(join(dataDir, leftover), '', { mode: 0o644 });
      chmodSync(join(dataDir, leftover), 0o644);
    }
    chmodSync(dataDir, 0o755);

    const { running } = await start(dataDir);
    try {
      expect(modeOf(dataDir)).toBe('700');
      for (const file of readdirSync(dataDir)) expect([file, modeOf(join(dataDir, file))]).toEqual([file, '600']);
    } finally {
      await running.close();
    }
  });
});
