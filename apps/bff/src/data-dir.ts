// The BFF's data directory holds session ids and CSRF tokens (sessions.sqlite), the audit log, the roles each
// principal switched to last (recent-roles.sqlite) and the session encryption key: private to its owner like the
// endpoint's (directory 0700, files 0600, SQLite's -wal/-shm included). Files of earlier versions (0755/0644) are tightened at start.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  createPrivateFile,
  DATA_FILE_MODE,
  prepareDataDir,
  restrictDatabaseFiles,
  restrictMode,
  type Warn,
} from '@iam-console/iam-local/model/data-dir.ts';
import { KEY_FILE } from './session/credential-cipher.ts';

export const SESSIONS_FILE = 'sessions.sqlite';
export const AUDIT_FILE = 'audit.sqlite';
/** The roles each principal switched to last (session/recent-roles.ts). */
export const RECENT_ROLES_FILE = 'recent-roles.sqlite';

/** Creates or tightens `dataDir` and the files in it; `sqliteSessions` is false when sessions live in Redis. */
export function prepareBffDataDir(dataDir: string, options: { sqliteSessions: boolean }, warn: Warn): void {
  prepareDataDir(dataDir, warn);
  for (const name of options.sqliteSessions ? [SESSIONS_FILE, AUDIT_FILE, RECENT_ROLES_FILE] : [AUDIT_FILE, RECENT_ROLES_FILE]) {
    // Created empty 0600 before SQLite opens it: SQLite gives -wal and -shm the database file's mode.
    createPrivateFile(join(dataDir, name));
  }
  for (const name of [SESSIONS_FILE, AUDIT_FILE, RECENT_ROLES_FILE]) restrictDatabaseFiles(join(dataDir, name), warn);
  const keyFile = join(dataDir, KEY_FILE);
  if (existsSync(keyFile)) restrictMode(keyFile, DATA_FILE_MODE, warn);
}
