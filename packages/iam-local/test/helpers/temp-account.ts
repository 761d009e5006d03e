// A fresh account database in a temp directory for model-level tests (no HTTP), and a one-line way to add users.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/model/db.ts';
import { ensureAccount, type Account } from '../../src/model/account.ts';
import { createUser } from '../../src/model/users.ts';

export interface TempAccount {
  db: Db;
  dataDir: string;
  account: Account;
  close(): void;
}

export function openTempAccount(accountId = '111122223333'): TempAccount {
  const dataDir = mkdtempSync(join(tmpdir(), 'iam-local-cred-'));
  const db = openDatabase(dataDir);
  const account = ensureAccount(db, { accountId, now: new Date('2026-01-01T00:00:00Z') });
  return {
    db,
    dataDir,
    account,
    close() {
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates a user through the users model; returns its id. */
export function insertUser(db: Db, name: string, createDate = new Date('2026-01-02T00:00:00Z'), path = '/'): string {
  return createUser(db, { name, path }, createDate).id;
}
