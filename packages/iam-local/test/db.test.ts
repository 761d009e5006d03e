import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DataFileError, openDatabase } from '../src/model/db.ts';
import { schemaParts } from '../src/model/schema/index.ts';
import { SCHEMA_VERSION } from '../src/model/schema/migrations.ts';
import { listGroupMembers } from '../src/model/groups.ts';
import { updateUser } from '../src/model/users.ts';

const freshDir = () => mkdtempSync(join(tmpdir(), 'iam-local-db-'));

describe('openDatabase', () => {
  it('creates a WAL database and reopens it', () => {
    const dir = freshDir();
    const db = openDatabase(dir);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.exec('CREATE TABLE probe (x)');
    db.prepare('INSERT INTO probe VALUES (?)').run(42);
    db.close();
    const again = openDatabase(dir);
    expect(again.prepare('SELECT x FROM probe').get()).toEqual({ x: 42 });
    again.close();
  });

  it('refuses a file that is not SQLite', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'iam.sqlite'), 'definitely not a database, just some text');
    expect(() => openDatabase(dir)).toThrow(DataFileError);
    expect(() => openDatabase(dir)).toThrow(/not a SQLite database/);
  });

  it('refuses a SQLite database of another application', () => {
    const dir = freshDir();
    const other = new Database(join(dir, 'iam.sqlite'));
    other.exec('CREATE TABLE someone_elses (y)');
    other.close();
    expect(() => openDatabase(dir)).toThrow(/another application/);
  });
});

describe('schema migrations', () => {
  /** A data file as versions before any migration wrote it: the original tables, user_version 0. */
  function firstVersionFile(dir: string): void {
    const db = new Database(join(dir, 'iam.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma(`application_id = ${0x49414d4c}`);
    for (const part of schemaParts) db.exec(part.sql);
    db.exec(`DROP INDEX iam_group_members_seq; DROP INDEX iam_attachments_seq;`);
    const user = db.prepare('INSERT INTO iam_users (id, name, path, create_date) VALUES (?, ?, ?, ?)');
    user.run('AIDA1', 'zed', '/', '2026-01-01T00:00:00Z');
    user.run('AIDA2', 'Amy', '/', '2026-01-01T00:00:00Z');
    user.run('AIDA3', 'bob', '/', '2026-01-01T00:00:00Z');
    db.prepare('INSERT INTO iam_groups (id, name, path, create_date) VALUES (?, ?, ?, ?)').run('AGPA1', 'team', '/', '2026-01-01T00:00:00Z');
    const member = db.prepare('INSERT INTO iam_group_members (group_id, user_id, added_seq) VALUES (?, ?, ?)');
    member.run('AGPA1', 'AIDA1', 1);
    member.run('AGPA1', 'AIDA2', 2);
    member.run('AGPA1', 'AIDA3', 3);
    db.close();
  }

  it('brings a file of the first version up to date without losing a membership', () => {
    const dir = freshDir();
    firstVersionFile(dir);
    const db = openDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('iam_group_members', 'iam_attachments')").pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(['iam_group_members_by_name', 'iam_group_members_seq', 'iam_attachments_seq']));
    expect(listGroupMembers(db, 'AGPA1', { maxItems: 10 }).items.map((u) => u.name)).toEqual(['Amy', 'bob', 'zed']);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'iam_instance_profile%' ORDER BY name").pluck().all()).toEqual([
      'iam_instance_profile_roles',
      'iam_instance_profiles',
    ]);
    updateUser(db, 'zed', { newName: 'aaron' });
    expect(listGroupMembers(db, 'AGPA1', { maxItems: 10 }).items.map((u) => u.name)).toEqual(['aaron', 'Amy', 'bob']);
    db.close();
    // Opening again runs nothing twice.
    const again = openDatabase(dir);
    expect(again.prepare('SELECT count(*) FROM iam_group_members WHERE user_name IS NOT NULL').pluck().get()).toBe(3);
    again.close();
  });

  it('refuses a file written by a newer version', () => {
    const dir = freshDir();
    openDatabase(dir).close();
    const newer = new Database(join(dir, 'iam.sqlite'));
    newer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    newer.close();
    expect(() => openDatabase(dir)).toThrow(/written by a newer iam-local/);
  });
});
