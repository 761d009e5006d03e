import { chmodSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDataDir, restrictDatabaseFiles } from '../src/model/data-dir.ts';
import { openDatabase } from '../src/model/db.ts';
import { startTestServer } from './helpers/start-server.ts';

const modeOf = (path: string) => statSync(path).mode & 0o777;
const scratch = () => mkdtempSync(join(tmpdir(), 'iam-local-perm-'));

describe('data directory permissions', () => {
  it('a new data directory (and missing parents) is 0700 and the SQLite files 0600', () => {
    const dir = join(scratch(), 'nested', 'data');
    const db = openDatabase(dir);
    db.exec('CREATE TABLE probe (x)'); // a write, so the -wal file has content
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(join(dir, '..'))).toBe(0o700);
    for (const suffix of ['', '-wal', '-shm']) expect(modeOf(join(dir, `iam.sqlite${suffix}`))).toBe(0o600);
    db.close();
  });

  it('tightens an existing 0755 directory and 0644 database files of an earlier version', () => {
    const dir = scratch();
    openDatabase(dir).close();
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'iam.sqlite'), 0o644);
    const warnings: string[] = [];
    const db = openDatabase(dir, { warn: (message) => warnings.push(message) });
    expect(modeOf(dir)).toBe(0o700);
    for (const suffix of ['', '-wal', '-shm']) expect(modeOf(join(dir, `iam.sqlite${suffix}`))).toBe(0o600);
    expect(warnings).toEqual([]);
    db.close();
  });

  it('leaves stricter modes alone', () => {
    const dir = scratch();
    chmodSync(dir, 0o500 | 0o200);
    prepareDataDir(dir, () => {});
    expect(modeOf(dir)).toBe(0o700);
    const file = join(dir, 'iam.sqlite');
    writeFileSync(file, '', { mode: 0o400 });
    restrictDatabaseFiles(file, () => {});
    expect(modeOf(file)).toBe(0o400);
  });

  it('warns about, and does not touch, paths owned by someone else', () => {
    const dir = join(scratch(), 'shared');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    const file = join(dir, 'iam.sqlite');
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    const warnings: string[] = [];
    const stranger = { uid: statSync(dir).uid + 1 };
    prepareDataDir(dir, (message) => warnings.push(message), stranger);
    restrictDatabaseFiles(file, (message) => warnings.push(message), stranger);
    expect(modeOf(dir)).toBe(0o755);
    expect(modeOf(file)).toBe(0o644);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain(`${dir} is mode 755 and owned by uid`);
    expect(warnings[1]).toContain(`${file} is mode 644`);
    expect(warnings.join('\n')).toContain('restrict it to 0700');
  });

  it('the server creates its data directory and every file in it private', async () => {
    const dir = join(scratch(), 'data');
    const t = await startTestServer({ dataDir: dir });
    try {
      expect(modeOf(dir)).toBe(0o700);
      for (const name of ['iam.sqlite', 'iam.sqlite-wal', 'iam.sqlite-shm', 'credentials']) expect(modeOf(join(dir, name))).toBe(0o600);
    } finally {
      await t.close();
    }
  });
});
