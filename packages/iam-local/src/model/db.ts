import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createPrivateFile, prepareDataDir, restrictDatabaseFiles, warnOnStderr, type Warn } from './data-dir.ts';
import { schemaParts } from './schema/index.ts';
import { MIGRATIONS, SCHEMA_VERSION } from './schema/migrations.ts';

export type Db = Database.Database;

/** Marks our files so a foreign SQLite database is never mistaken for (and migrated into) account state. */
const APPLICATION_ID = 0x49414d4c; // "IAML"
const SQLITE_HEADER = 'SQLite format 3\u0000';

export class DataFileError extends Error {
  override name = 'DataFileError';
}

function assertSqliteFile(file: string): void {
  if (!existsSync(file) || statSync(file).size === 0) return;
  const header = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) {
    throw new DataFileError(`${file} is not a SQLite database (corrupt or foreign file); refusing to start. Move it away or choose another --data-dir.`);
  }
}

export interface OpenDatabaseOptions {
  /** Where a data path we cannot tighten is reported (default: stderr). */
  warn?: Warn;
}

/**
 * Opens (or creates) the account database in `dataDir`. WAL mode: a write is durable once the call returns,
 * so an acknowledged request survives `kill -9`. A corrupt or foreign file is refused with a clear error
 * (and left as it was). The directory is made 0700 and the database files 0600: they hold every secret.
 */
export function openDatabase(dataDir: string, options: OpenDatabaseOptions = {}): Db {
  const warn = options.warn ?? warnOnStderr;
  prepareDataDir(dataDir, warn);
  const file = join(dataDir, 'iam.sqlite');
  assertSqliteFile(file);
  let db: Db;
  try {
    createPrivateFile(file);
    db = new Database(file);
    const appId = db.pragma('application_id', { simple: true }) as number;
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    if (appId !== APPLICATION_ID && tables.n > 0) {
      db.close();
      throw new DataFileError(`${file} is a SQLite database of another application; refusing to start.`);
    }
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      db.close();
      throw new DataFileError(`${file} failed its integrity check (${String(check)}); refusing to start.`);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma(`application_id = ${APPLICATION_ID}`);
    restrictDatabaseFiles(file, warn);
  } catch (error) {
    if (error instanceof DataFileError) throw error;
    throw new DataFileError(`Cannot open ${file}: ${(error as Error).message}`);
  }
  db.transaction(() => {
    for (const part of schemaParts) db.exec(part.sql);
  })();
  migrate(db, file);
  return db;
}

/** Brings the file to SCHEMA_VERSION; a file from a newer version is refused rather than misread. */
function migrate(db: Db, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new DataFileError(`${file} was written by a newer iam-local (schema ${version}, this one knows up to ${SCHEMA_VERSION}); refusing to start.`);
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= version) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
