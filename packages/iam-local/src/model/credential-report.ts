// The credential report (UG "Getting credential reports for your AWS account"): one CSV row per user, root first,
// 22 columns in AWS's order and value conventions. Built from a handful of set-based queries (no per-user
// queries), so 10,000 users take tens of milliseconds. AWS keeps one report and regenerates it at most every
// 4 hours ("Getting credential reports for your AWS account"), and generation takes a while: the report's rows are
// taken when generation starts, and it is complete only after the server's configured generation time. Until
// then GenerateCredentialReport says INPROGRESS and GetCredentialReport 404 ReportInProgress, as AWS does.
import { stringify } from 'csv-stringify/sync';
import type { Db } from './db.ts';
import { IamError } from '../errors.ts';
import { isoSeconds } from './names.ts';
import { prepared } from './prepared.ts';
import { getPasswordPolicy, passwordExpiry } from './password-policy.ts';

export const CREDENTIAL_REPORT_COLUMNS = [
  'user',
  'arn',
  'user_creation_time',
  'password_enabled',
  'password_last_used',
  'password_last_changed',
  'password_next_rotation',
  'mfa_active',
  'access_key_1_active',
  'access_key_1_last_rotated',
  'access_key_1_last_used_date',
  'access_key_1_last_used_region',
  'access_key_1_last_used_service',
  'access_key_2_active',
  'access_key_2_last_rotated',
  'access_key_2_last_used_date',
  'access_key_2_last_used_region',
  'access_key_2_last_used_service',
  'cert_1_active',
  'cert_1_last_rotated',
  'cert_2_active',
  'cert_2_last_rotated',
] as const;

/** A report is reused for 4 hours; after that GetCredentialReport says it expired and Generate makes a new one. */
export const REPORT_MAX_AGE_MS = 4 * 60 * 60 * 1000;

export type ReportState = 'STARTED' | 'INPROGRESS' | 'COMPLETE';

export interface GenerateResult {
  state: ReportState;
  description: string | undefined;
}

export interface CredentialReport {
  content: Buffer;
  generatedTime: Date;
  reportFormat: 'text/csv';
}

/** An access key's report facts: active (1/0), created, last used (date, region, service; null when never used). */
type KeyColumns = [active: number, created: string, used: string | null, region: string | null, service: string | null];

type UserRow = [id: string, name: string, path: string, created: string];

// Set-based queries, merged in memory by user id: the users in name order, then each credential table once (the
// root's keys have owner ''). Scanning each small table into a map costs less than 10,000 joined look-ups.
const USERS_SQL = 'SELECT id, name, path, create_date FROM iam_users ORDER BY name';
const PASSWORDS_SQL = 'SELECT user_id, password_changed FROM iam_login_profiles';
const PASSWORD_USE_SQL = 'SELECT user_id, last_used FROM iam_password_last_used';
const MFA_USERS_SQL = "SELECT DISTINCT user_id FROM iam_mfa_devices WHERE assigned_to = 'user'";
const ROOT_SQL = `
SELECT account_id, create_date, root_password_last_used,
       EXISTS (SELECT 1 FROM iam_mfa_devices WHERE assigned_to = 'root') AS mfa
FROM iam_account WHERE id = 1`;
// In table (rowid) order: ordering by owner would read every row through the owner index, a random access each.
const KEYS_SQL = `
SELECT coalesce(owner_user_id, ''), status = 'Active', create_date, last_used_date, last_used_region, last_used_service
FROM iam_access_keys`;

/**
 * Report timestamps: ISO 8601 with an explicit `+00:00` offset, as real reports write them. Stored times are
 * second-precision UTC (`2026-01-02T03:04:05Z`), so the common case is a string edit rather than a Date round trip.
 */
function reportTime(iso: string): string {
  const utc = iso.length === 20 && iso.charCodeAt(19) === 90 /* Z */ ? iso : isoSeconds(new Date(iso));
  return `${utc.slice(0, -1)}+00:00`;
}

const NO_KEY = 'false,N/A,N/A,N/A,N/A';
const NO_CERTIFICATES = 'false,N/A,false,N/A';

/** The five access key columns, comma-joined. */
function keyCells(key: KeyColumns | undefined): string {
  if (!key) return NO_KEY;
  const [active, created, used, region, service] = key;
  const flag = active === 1 ? 'true' : 'false';
  if (used === null) return `${flag},${reportTime(created)},N/A,N/A,N/A`;
  return `${flag},${reportTime(created)},${reportTime(used)},${region ?? 'N/A'},${service ?? 'N/A'}`;
}

/**
 * Keys by owner id ('' = root), oldest first: key 1 is the older key, as in AWS's report (equal times keep their
 * creation order, which is the rowid order the scan returns and the stable sort keeps). Rows as arrays: 10,000 users
 * make 10,000+ of them.
 */
function keysByOwner(db: Db): Map<string, KeyColumns[]> {
  const byOwner = new Map<string, KeyColumns[]>();
  for (const row of prepared(db, KEYS_SQL).raw(true).all() as [string, ...KeyColumns][]) {
    const owner = row[0];
    const key = row.slice(1) as KeyColumns;
    const list = byOwner.get(owner);
    if (!list) byOwner.set(owner, [key]);
    else {
      list.push(key);
      list.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    }
  }
  return byOwner;
}

function columnMap(db: Db, sql: string): Map<string, string> {
  return new Map(prepared(db, sql).raw(true).all() as [string, string][]);
}

// Only the user name and the ARN (names may contain `,`; paths `"` too) can need CSV quoting; every other cell is
// a date, a flag or a region/service name.
const NEEDS_QUOTING = /[",\r\n]/;

function csvCell(text: string): string {
  return NEEDS_QUOTING.test(text) ? stringify([[text]], { record_delimiter: '\n' }).slice(0, -1) : text;
}

/**
 * The full CSV text: header line, then root and the users by name, each line ended by `\n`. Lines are built as
 * strings straight away and appended to one string (V8 keeps it as a rope until it is encoded, which is cheaper than
 * joining an array of lines): 10,000 users must take a few tens of milliseconds (issue target: generate+get ≤ 300 ms).
 */
export function buildCredentialReportCsv(db: Db): string {
  let csv = `${CREDENTIAL_REPORT_COLUMNS.join(',')}\n`;
  const root = prepared(db, ROOT_SQL).get() as
    | { account_id: string; create_date: string; root_password_last_used: string | null; mfa: number }
    | undefined;
  if (!root) return csv;
  const policy = getPasswordPolicy(db);
  const keys = keysByOwner(db);
  const passwords = columnMap(db, PASSWORDS_SQL);
  const passwordUse = columnMap(db, PASSWORD_USE_SQL);
  const mfaUsers = new Set(prepared(db, MFA_USERS_SQL).pluck().all() as string[]);
  const rootKeys = keys.get('');
  csv +=
    `<root_account>,arn:aws:iam::${root.account_id}:root,${reportTime(root.create_date)},not_supported,` +
    `${root.root_password_last_used ? reportTime(root.root_password_last_used) : 'no_information'},not_supported,not_supported,` +
    `${root.mfa === 1 ? 'true' : 'false'},${keyCells(rootKeys?.[0])},${keyCells(rootKeys?.[1])},${NO_CERTIFICATES}\n`;
  const arnPrefix = `arn:aws:iam::${root.account_id}:user`;
  for (const [id, name, path, created] of prepared(db, USERS_SQL).raw(true).all() as UserRow[]) {
    const changed = passwords.get(id);
    let passwordCells = 'false,N/A,N/A,N/A';
    if (changed !== undefined) {
      const used = passwordUse.get(id);
      const rotation = passwordExpiry(policy, new Date(changed));
      passwordCells = `true,${used ? reportTime(used) : 'no_information'},${reportTime(changed)},${rotation ? reportTime(rotation.toISOString()) : 'N/A'}`;
    }
    const userKeys = keys.get(id);
    csv +=
      `${csvCell(name)},${csvCell(arnPrefix + path + name)},${reportTime(created)},${passwordCells},` +
      `${mfaUsers.has(id) ? 'true' : 'false'},${keyCells(userKeys?.[0])},${keyCells(userKeys?.[1])},${NO_CERTIFICATES}\n`;
  }
  return csv;
}

interface StoredReport {
  generated: string;
  content: Buffer;
}

function storedReport(db: Db): StoredReport | undefined {
  return db.prepare('SELECT generated, content FROM iam_credential_report WHERE id = 1').get() as StoredReport | undefined;
}

/** When the stored report is (or was) complete, without reading its content. */
function storedReportTime(db: Db): string | undefined {
  return db.prepare('SELECT generated FROM iam_credential_report WHERE id = 1').pluck().get() as string | undefined;
}

/**
 * GenerateCredentialReport: STARTED (with AWS's description when there was no report at all) when there is no
 * report or the last one is 4 hours old, INPROGRESS while one is being generated, otherwise COMPLETE (the last
 * report stands). `generationMs` is how long a new report takes; its `generated` time is when it is complete.
 */
export function generateCredentialReport(db: Db, now: Date, generationMs = 0): GenerateResult {
  return db.transaction((): GenerateResult => {
    const existing = storedReportTime(db);
    if (existing) {
      const age = now.getTime() - new Date(existing).getTime();
      if (age < 0) return { state: 'INPROGRESS', description: undefined };
      if (age < REPORT_MAX_AGE_MS) return { state: 'COMPLETE', description: undefined };
    }
    const content = Buffer.from(buildCredentialReportCsv(db), 'utf8');
    // Milliseconds kept: a generation time under a second must still be seen in progress.
    const done = new Date(now.getTime() + Math.max(0, generationMs));
    db.prepare('INSERT OR REPLACE INTO iam_credential_report (id, started, generated, content) VALUES (1, ?, ?, ?)').run(now.toISOString(), done.toISOString(), content);
    return {
      state: 'STARTED',
      description: existing ? undefined : 'No report exists. Starting a new report generation task',
    };
  })();
}

/**
 * GetCredentialReport: 410 ReportNotPresent before any, 404 ReportInProgress while one is generated, 410
 * ReportExpired once the report is 4 hours old.
 */
export function getCredentialReport(db: Db, now: Date): CredentialReport {
  const report = storedReport(db);
  if (!report) {
    throw new IamError(
      'ReportNotPresent',
      'The request was rejected because the credential report does not exist. To generate a credential report, use GenerateCredentialReport.',
    );
  }
  const generatedTime = new Date(report.generated);
  if (now.getTime() < generatedTime.getTime()) {
    throw new IamError('ReportInProgress', 'The request was rejected because the credential report is still being generated.');
  }
  if (now.getTime() - generatedTime.getTime() >= REPORT_MAX_AGE_MS) {
    throw new IamError(
      'ReportExpired',
      'The request was rejected because the most recent credential report has expired. To generate a new credential report, use GenerateCredentialReport.',
    );
  }
  return { content: report.content, generatedTime, reportFormat: 'text/csv' };
}
