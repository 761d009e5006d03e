// The data directory holds every secret in plain text (root and user secret keys, TOTP seeds, password hashes),
// so only its owner may read it: the directory 0700, the SQLite files 0600. Existing paths that are too open are
// tightened when this process owns them; someone else's are left alone with a warning, as chmod would fail or,
// as root, change a file we were merely given.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';

export const DATA_DIR_MODE = 0o700;
export const DATA_FILE_MODE = 0o600;

export type Warn = (message: string) => void;

export const warnOnStderr: Warn = (message) => {
  process.stderr.write(`iam-local: warning: ${message}\n`);
};

/** Lets tests stand in for a path owned by another user without being one. */
export interface Ownership {
  uid: number | undefined;
}

const currentOwner: Ownership = { uid: process.getuid?.() };

/** Removes group and other access from `path` if we own it; warns otherwise. */
export function restrictMode(path: string, mode: number, warn: Warn, owner: Ownership = currentOwner): void {
  const stat = statSync(path);
  if ((stat.mode & 0o777 & ~mode) === 0) return;
  const actual = (stat.mode & 0o777).toString(8).padStart(3, '0');
  if (owner.uid !== undefined && stat.uid !== owner.uid) {
    warn(`${path} is mode ${actual} and owned by uid ${stat.uid}, not by this process; it holds secrets, restrict it to ${mode.toString(8).padStart(4, '0')}.`);
    return;
  }
  chmodSync(path, stat.mode & mode);
}

/** Creates `dataDir` 0700 (parents too) or tightens an existing one. */
export function prepareDataDir(dataDir: string, warn: Warn, owner?: Ownership): void {
  mkdirSync(dataDir, { recursive: true, mode: DATA_DIR_MODE });
  restrictMode(dataDir, DATA_DIR_MODE, warn, owner);
}

/**
 * Creates an empty `file` 0600 before SQLite opens it: SQLite gives its -wal and -shm files the database file's
 * mode, so they are private from their first byte rather than after a chmod.
 */
export function createPrivateFile(file: string): void {
  if (existsSync(file)) return;
  closeSync(openSync(file, 'a', DATA_FILE_MODE));
}

/** Tightens the database and its -wal/-shm companions where they exist (files of earlier versions were 0644). */
export function restrictDatabaseFiles(file: string, warn: Warn, owner?: Ownership): void {
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(`${file}${suffix}`)) restrictMode(`${file}${suffix}`, DATA_FILE_MODE, warn, owner);
  }
}
