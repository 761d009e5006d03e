// Long-term access keys of the root user and of IAM users: creation (2 per principal), status, deletion and the
// last-used facts SigV4 verification records. The secret is stored as issued because verifying a signature
// needs it; it is returned only by createAccessKey (once, to the caller) and findAccessKey (to the verifier).
import { randomBytes } from 'node:crypto';
import type { Db } from './db.ts';
import { IamError } from '../errors.ts';
import { isoSeconds } from './names.ts';
import { prepared } from './prepared.ts';
import type { CredentialOwner } from './credential-owner.ts';

export type AccessKeyStatus = 'Active' | 'Inactive';

/** What the SigV4 verifier needs to know about a presented key id. */
export interface AccessKeyRecord {
  accessKeyId: string;
  secretAccessKey: string;
  status: AccessKeyStatus;
  owner: { kind: 'root' } | { kind: 'user'; userName: string; userId: string; path: string };
}

/** A key as ListAccessKeys shows it (no secret). */
export interface AccessKeyMetadata {
  accessKeyId: string;
  status: AccessKeyStatus;
  createDate: Date;
  /** Undefined for root keys. */
  userName: string | undefined;
}

export interface NewAccessKey extends AccessKeyMetadata {
  secretAccessKey: string;
}

export interface AccessKeyLastUsed {
  userName: string | undefined;
  lastUsedDate: Date | undefined;
  /** `N/A` when never used. */
  region: string;
  serviceName: string;
}

export const ACCESS_KEYS_PER_PRINCIPAL = 2;
const KEY_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `AKIA` + 16 characters of AWS's key-id alphabet (upper-case letters and 2-7): 20 characters. */
export function newAccessKeyId(prefix: 'AKIA' | 'ASIA' = 'AKIA'): string {
  let id: string = prefix;
  for (const byte of randomBytes(16)) id += KEY_ID_ALPHABET[byte & 31];
  return id;
}

/** 40 characters of base64 (letters, digits, `+`, `/`), like AWS secrets. */
export function newSecretAccessKey(): string {
  return randomBytes(30).toString('base64');
}

interface KeyRow {
  access_key_id: string;
  secret_access_key: string;
  status: AccessKeyStatus;
  create_date: string;
  owner_user_id: string | null;
  user_name: string | null;
  user_path: string | null;
  last_used_date: string | null;
  last_used_region: string | null;
  last_used_service: string | null;
}

const SELECT_KEY = `
SELECT k.access_key_id, k.secret_access_key, k.status, k.create_date, k.owner_user_id,
       u.name AS user_name, u.path AS user_path, k.last_used_date, k.last_used_region, k.last_used_service
FROM iam_access_keys k LEFT JOIN iam_users u ON u.id = k.owner_user_id`;

function ownerClause(owner: CredentialOwner): { sql: string; args: string[] } {
  return owner.kind === 'root' ? { sql: 'k.owner_user_id IS NULL', args: [] } : { sql: 'k.owner_user_id = ?', args: [owner.userId] };
}

// The owner's name and path as scalar subqueries: for this one-row lookup SQLite runs them several times faster
// than SELECT_KEY's LEFT JOIN, and every signed request makes it.
const FIND_KEY = `
SELECT k.access_key_id, k.secret_access_key, k.status, k.owner_user_id,
       (SELECT u.name FROM iam_users u WHERE u.id = k.owner_user_id) AS user_name,
       (SELECT u.path FROM iam_users u WHERE u.id = k.owner_user_id) AS user_path
FROM iam_access_keys k WHERE k.access_key_id = ?`;

/** Looks a key up by id for SigV4 verification; undefined when no such key exists. */
export function findAccessKey(db: Db, accessKeyId: string): AccessKeyRecord | undefined {
  const row = prepared(db, FIND_KEY).get(accessKeyId) as Pick<KeyRow, 'access_key_id' | 'secret_access_key' | 'status' | 'owner_user_id' | 'user_name' | 'user_path'> | undefined;
  if (!row) return undefined;
  return {
    accessKeyId: row.access_key_id,
    secretAccessKey: row.secret_access_key,
    status: row.status,
    owner:
      row.owner_user_id === null
        ? { kind: 'root' }
        : { kind: 'user', userId: row.owner_user_id, userName: row.user_name ?? '', path: row.user_path ?? '/' },
  };
}

/**
 * Records that a key signed a call (GetAccessKeyLastUsed, credential report). Writes only when something
 * visible changes (second precision), so a busy key costs at most one write per second.
 */
export function recordAccessKeyUse(db: Db, accessKeyId: string, use: { service: string; region: string; when: Date }): void {
  const when = isoSeconds(use.when);
  const fact = `${when} ${use.region} ${use.service}`;
  const recorded = recordedUses(db);
  // The same second, region and service as this process last recorded: the UPDATE below would change nothing.
  if (recorded.get(accessKeyId) === fact) return;
  prepared(db, 
    `UPDATE iam_access_keys SET last_used_date = ?, last_used_region = ?, last_used_service = ?
     WHERE access_key_id = ? AND (last_used_date IS NULL OR last_used_date < ? OR last_used_region IS NOT ? OR last_used_service IS NOT ?)`,
  ).run(when, use.region, use.service, accessKeyId, when, use.region, use.service);
  if (recorded.size >= MAX_RECORDED_USES) recorded.clear();
  recorded.set(accessKeyId, fact);
}

const MAX_RECORDED_USES = 10_000;
const recordedUseMemos = new WeakMap<Db, Map<string, string>>();

/** Per database: the last use recorded of each key (`<second> <region> <service>`). */
function recordedUses(db: Db): Map<string, string> {
  let memo = recordedUseMemos.get(db);
  if (!memo) {
    memo = new Map();
    recordedUseMemos.set(db, memo);
  }
  return memo;
}

function toMetadata(row: KeyRow): AccessKeyMetadata {
  return {
    accessKeyId: row.access_key_id,
    status: row.status,
    createDate: new Date(row.create_date),
    userName: row.user_name ?? undefined,
  };
}

/** The owner's keys, oldest first (the order of the credential report's key 1 / key 2). */
export function listAccessKeys(db: Db, owner: CredentialOwner): AccessKeyMetadata[] {
  const where = ownerClause(owner);
  const rows = prepared(db, `${SELECT_KEY} WHERE ${where.sql} ORDER BY k.create_date, k.rowid`).all(...where.args) as KeyRow[];
  return rows.map(toMetadata);
}

export interface CreateAccessKeyOptions {
  now: Date;
  /** Seeding only: a fixed key (e.g. a documented demo key). */
  accessKeyId?: string;
  secretAccessKey?: string;
  status?: AccessKeyStatus;
}

/** Creates a key for `owner`; LimitExceeded once it has 2 (inactive keys count, as in AWS). */
export function createAccessKey(db: Db, owner: CredentialOwner, options: CreateAccessKeyOptions): NewAccessKey {
  return db.transaction((): NewAccessKey => {
    const where = ownerClause(owner);
    const count = prepared(db, `SELECT count(*) FROM iam_access_keys k WHERE ${where.sql}`).pluck().get(...where.args) as number;
    if (count >= ACCESS_KEYS_PER_PRINCIPAL) {
      throw new IamError('LimitExceeded', `Cannot exceed quota for AccessKeysPerUser: ${ACCESS_KEYS_PER_PRINCIPAL}`);
    }
    const accessKeyId = options.accessKeyId ?? newAccessKeyId();
    const secretAccessKey = options.secretAccessKey ?? newSecretAccessKey();
    const status = options.status ?? 'Active';
    const createDate = isoSeconds(options.now);
    prepared(db, 
      'INSERT INTO iam_access_keys (access_key_id, secret_access_key, owner_user_id, status, create_date) VALUES (?, ?, ?, ?, ?)',
    ).run(accessKeyId, secretAccessKey, owner.kind === 'root' ? null : owner.userId, status, createDate);
    return {
      accessKeyId,
      secretAccessKey,
      status,
      createDate: new Date(createDate),
      userName: owner.kind === 'root' ? undefined : owner.userName,
    };
  })();
}

/** The root user's first key, created with the account. */
export function createRootAccessKey(db: Db, now: Date): NewAccessKey {
  return createAccessKey(db, { kind: 'root' }, { now });
}

function noSuchKey(accessKeyId: string): IamError {
  return new IamError('NoSuchEntity', `The Access Key with id ${accessKeyId} cannot be found.`);
}

/** Sets a key Active or Inactive; NoSuchEntity unless the key belongs to `owner`. */
export function updateAccessKeyStatus(db: Db, owner: CredentialOwner, accessKeyId: string, status: AccessKeyStatus): void {
  const where = ownerClause(owner);
  const result = prepared(db, `UPDATE iam_access_keys AS k SET status = ? WHERE k.access_key_id = ? AND ${where.sql}`)
    .run(status, accessKeyId, ...where.args);
  if (result.changes === 0) throw noSuchKey(accessKeyId);
}

/** Deletes a key; NoSuchEntity unless the key belongs to `owner`. */
export function deleteAccessKey(db: Db, owner: CredentialOwner, accessKeyId: string): void {
  const where = ownerClause(owner);
  const result = prepared(db, `DELETE FROM iam_access_keys AS k WHERE k.access_key_id = ? AND ${where.sql}`).run(accessKeyId, ...where.args);
  if (result.changes === 0) throw noSuchKey(accessKeyId);
}

/** GetAccessKeyLastUsed: a never-used key reports Region and ServiceName `N/A` and no date; undefined for no such key. */
export function findAccessKeyLastUsed(db: Db, accessKeyId: string): AccessKeyLastUsed | undefined {
  const row = prepared(db, `${SELECT_KEY} WHERE k.access_key_id = ?`).get(accessKeyId) as KeyRow | undefined;
  if (!row) return undefined;
  return {
    userName: row.user_name ?? undefined,
    lastUsedDate: row.last_used_date ? new Date(row.last_used_date) : undefined,
    region: row.last_used_date ? (row.last_used_region ?? 'N/A') : 'N/A',
    serviceName: row.last_used_date ? (row.last_used_service ?? 'N/A') : 'N/A',
  };
}

/** findAccessKeyLastUsed, NoSuchEntity for a key that does not exist. */
export function getAccessKeyLastUsed(db: Db, accessKeyId: string): AccessKeyLastUsed {
  const used = findAccessKeyLastUsed(db, accessKeyId);
  if (!used) throw noSuchKey(accessKeyId);
  return used;
}

/** Seeding: back-dates a key's creation and last use so reports show realistic ages. */
export function setAccessKeyHistory(
  db: Db,
  accessKeyId: string,
  history: { createDate?: Date; lastUsed?: { when: Date; region: string; service: string } },
): void {
  if (history.createDate) {
    prepared(db, 'UPDATE iam_access_keys SET create_date = ? WHERE access_key_id = ?').run(isoSeconds(history.createDate), accessKeyId);
  }
  if (history.lastUsed) {
    recordedUses(db).delete(accessKeyId);
    prepared(db, 'UPDATE iam_access_keys SET last_used_date = ?, last_used_region = ?, last_used_service = ? WHERE access_key_id = ?').run(
      isoSeconds(history.lastUsed.when),
      history.lastUsed.region,
      history.lastUsed.service,
      accessKeyId,
    );
  }
}
