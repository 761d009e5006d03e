import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DataFileError, openDatabase } from '../src/model/db.ts';

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
