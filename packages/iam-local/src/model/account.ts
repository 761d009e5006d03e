// The one AWS account this endpoint serves: its id, alias and creation time, created on first start together
// with a root access key so the account is usable straight away.
import { randomInt } from 'node:crypto';
import type { Db } from './db.ts';
import { isoSeconds } from './names.ts';
import { IamError } from '../errors.ts';
import { createRootAccessKey, listAccessKeys } from './access-keys.ts';

export interface Account {
  accountId: string;
  alias: string | undefined;
  createDate: Date;
  /** True when this call created the account. */
  created: boolean;
  /** An active root access key (the one created with the account, unless it was since deleted/disabled). */
  rootAccessKey: { accessKeyId: string; secretAccessKey: string } | undefined;
}

export interface EnsureAccountOptions {
  /** 12-digit id for a new account; random when absent. Ignored when the account already exists. */
  accountId?: string;
  now?: Date;
}

const ACCOUNT_ID = /^\d{12}$/;

interface AccountRow {
  account_id: string;
  alias: string | null;
  create_date: string;
}

function randomAccountId(): string {
  // AWS account ids never start with 0 in practice; keep 12 digits either way.
  let id = String(randomInt(1, 10));
  for (let i = 0; i < 11; i++) id += String(randomInt(0, 10));
  return id;
}

function readAccountRow(db: Db): AccountRow | undefined {
  return db.prepare('SELECT account_id, alias, create_date FROM iam_account WHERE id = 1').get() as AccountRow | undefined;
}

function activeRootKey(db: Db): Account['rootAccessKey'] {
  const row = db
    .prepare(
      "SELECT access_key_id, secret_access_key FROM iam_access_keys WHERE owner_user_id IS NULL AND status = 'Active' ORDER BY create_date, access_key_id LIMIT 1",
    )
    .get() as { access_key_id: string; secret_access_key: string } | undefined;
  return row && { accessKeyId: row.access_key_id, secretAccessKey: row.secret_access_key };
}

/** Returns the account, creating it (and a root access key) on first start, in one transaction. */
export function ensureAccount(db: Db, options: EnsureAccountOptions = {}): Account {
  if (options.accountId !== undefined && !ACCOUNT_ID.test(options.accountId)) {
    throw new Error(`Account id must be 12 digits, got "${options.accountId}"`);
  }
  return db.transaction((): Account => {
    const existing = readAccountRow(db);
    if (existing) {
      return {
        accountId: existing.account_id,
        alias: existing.alias ?? undefined,
        createDate: new Date(existing.create_date),
        created: false,
        rootAccessKey: activeRootKey(db),
      };
    }
    const now = options.now ?? new Date();
    const accountId = options.accountId ?? randomAccountId();
    db.prepare('INSERT INTO iam_account (id, account_id, create_date) VALUES (1, ?, ?)').run(accountId, isoSeconds(now));
    const key = listAccessKeys(db, { kind: 'root' }).length === 0 ? createRootAccessKey(db, now) : undefined;
    return {
      accountId,
      alias: undefined,
      createDate: new Date(isoSeconds(now)),
      created: true,
      rootAccessKey: key ? { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey } : activeRootKey(db),
    };
  })();
}

/** The account, or undefined before ensureAccount ran. */
export function getAccount(db: Db): Omit<Account, 'created'> | undefined {
  const row = readAccountRow(db);
  if (!row) return undefined;
  return { accountId: row.account_id, alias: row.alias ?? undefined, createDate: new Date(row.create_date), rootAccessKey: activeRootKey(db) };
}

/** The account id; throws if the account was never created (a programming error: the server ensures it at start). */
export function accountIdOf(db: Db): string {
  const row = readAccountRow(db);
  if (!row) throw new Error('The account has not been created (call ensureAccount first)');
  return row.account_id;
}

/** The alias, or the account id when there is none: what AWS shows as the account's name (MFA labels, sign-in URL). */
export function accountDisplayName(db: Db): string {
  const row = readAccountRow(db);
  if (!row) throw new Error('The account has not been created (call ensureAccount first)');
  return row.alias ?? row.account_id;
}

/** Records a root console sign-in (credential report `password_last_used` of `<root_account>`). */
export function recordRootPasswordUse(db: Db, when: Date): void {
  db.prepare('UPDATE iam_account SET root_password_last_used = ? WHERE id = 1').run(isoSeconds(when));
}

export const ACCOUNT_ALIAS_PATTERN = /^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$/;

/**
 * CreateAccountAlias: an account has one alias, and a new one overwrites the old (UG "Your AWS account ID and its
 * alias"). Aliases are globally unique, so asking for the alias the account already has is EntityAlreadyExists.
 */
export function createAccountAlias(db: Db, alias: string): void {
  db.transaction(() => {
    const row = readAccountRow(db);
    if (!row) throw new Error('The account has not been created (call ensureAccount first)');
    if (row.alias === alias) throw new IamError('EntityAlreadyExists', `The account alias ${alias} already exists.`);
    db.prepare('UPDATE iam_account SET alias = ? WHERE id = 1').run(alias);
  })();
}

/** DeleteAccountAlias: NoSuchEntity unless `alias` is the account's alias. */
export function deleteAccountAlias(db: Db, alias: string): void {
  const result = db.prepare('UPDATE iam_account SET alias = NULL WHERE id = 1 AND alias = ?').run(alias);
  if (result.changes === 0) throw new IamError('NoSuchEntity', `The account alias ${alias} cannot be found.`);
}

/** ListAccountAliases: zero or one alias. */
export function listAccountAliases(db: Db): string[] {
  const alias = readAccountRow(db)?.alias;
  return alias ? [alias] : [];
}

/** Seeding: back-dates the account's creation (the credential report's root row shows it). */
export function setAccountCreateDate(db: Db, when: Date): void {
  db.prepare('UPDATE iam_account SET create_date = ? WHERE id = 1').run(isoSeconds(when));
}
