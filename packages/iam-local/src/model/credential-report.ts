// The credential report (UG "Getting credential reports for your AWS account"): one CSV row per user, root first,
// 22 columns in AWS's order and value conventions. Built from a handful of set-based queries (no per-user
// queries), so 10,000 users take tens of milliseconds. AWS keeps one report and regenerates it at most every
// 4 hours; generation here is synchronous, so a report is complete as soon as GenerateCredentialReport returns.
import { stringify } from 'csv-stringify/sync';
import type { Db } from './db.ts';
import { IamError } from '../protocol/operation.ts';
import { isoSeconds } from './names.ts';
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

interface KeyColumns {
  active: number;
  created: string;
  used: string | null;
  region: string | null;
  service: string | null;
}

interface ReportRow {
  id: string;
  name: string;
  arn: string;
  created: string;
  has_password: number;
  password_changed: string | null;
  password_used: string | null;
  mfa: number;
}

interface KeyRow extends KeyColumns {
  owner: string;
}

// Three set-based queries, merged in memory by owner id: the users with their password and MFA facts, and all
// access keys in (owner, creation) order (key 1 = the older one). No per-user query, no join on a derived table.
const USERS_SQL = `
SELECT u.id, u.name, 'arn:aws:iam::' || a.account_id || ':user' || u.path || u.name AS arn, u.create_date AS created,
       lp.user_id IS NOT NULL AS has_password, lp.password_changed, plu.last_used AS password_used,
       EXISTS (SELECT 1 FROM iam_mfa_devices d WHERE d.user_id = u.id AND d.assigned_to = 'user') AS mfa
FROM iam_users u
CROSS JOIN iam_account a
LEFT JOIN iam_login_profiles lp ON lp.user_id = u.id
LEFT JOIN iam_password_last_used plu ON plu.user_id = u.id
WHERE a.id = 1
ORDER BY u.name`;

const ROOT_SQL = `
SELECT '' AS id, '<root_account>' AS name, 'arn:aws:iam::' || a.account_id || ':root' AS arn, a.create_date AS created,
       0 AS has_password, NULL AS password_changed, a.root_password_last_used AS password_used,
       EXISTS (SELECT 1 FROM iam_mfa_devices WHERE assigned_to = 'root') AS mfa
FROM iam_account a
WHERE a.id = 1`;

const KEYS_SQL = `
SELECT coalesce(owner_user_id, '') AS owner, status = 'Active' AS active, create_date AS created,
       last_used_date AS used, last_used_region AS region, last_used_service AS service
FROM iam_access_keys
ORDER BY owner_user_id, create_date, rowid`;

const STORED_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/**
 * Report timestamps: ISO 8601 with an explicit `+00:00` offset, as real reports write them. Stored times are
 * already second-precision UTC (`…Z`), so the common case is a string edit rather than a Date round trip.
 */
function reportTime(iso: string): string {
  const utc = STORED_TIME.test(iso) ? iso : isoSeconds(new Date(iso));
  return `${utc.slice(0, -1)}+00:00`;
}

const bool = (value: boolean) => (value ? 'true' : 'false');

function keyCells(key: KeyColumns | undefined): string[] {
  if (!key) return ['false', 'N/A', 'N/A', 'N/A', 'N/A'];
  const used = key.used !== null;
  return [
    bool(key.active === 1),
    reportTime(key.created),
    used ? reportTime(key.used as string) : 'N/A',
    used ? (key.region ?? 'N/A') : 'N/A',
    used ? (key.service ?? 'N/A') : 'N/A',
  ];
}

/** Keys by owner id ('' = root), oldest first. */
function keysByOwner(db: Db): Map<string, KeyColumns[]> {
  const byOwner = new Map<string, KeyColumns[]>();
  for (const key of db.prepare(KEYS_SQL).all() as KeyRow[]) {
    const list = byOwner.get(key.owner);
    if (list) list.push(key);
    else byOwner.set(key.owner, [key]);
  }
  return byOwner;
}

const NO_CERTIFICATES = ['false', 'N/A', 'false', 'N/A'];

/** The report's rows (header excluded), root first: the pure content, for tests and the generator. */
export function credentialReportRows(db: Db): string[][] {
  const policy = getPasswordPolicy(db);
  const root = db.prepare(ROOT_SQL).get() as ReportRow | undefined;
  const users = db.prepare(USERS_SQL).all() as ReportRow[];
  const keys = keysByOwner(db);
  const rows: string[][] = [];
  if (root) {
    rows.push([
      root.name,
      root.arn,
      reportTime(root.created),
      'not_supported',
      root.password_used ? reportTime(root.password_used) : 'no_information',
      'not_supported',
      'not_supported',
      bool(root.mfa === 1),
      ...keyCells(keys.get('')?.[0]),
      ...keyCells(keys.get('')?.[1]),
      ...NO_CERTIFICATES,
    ]);
  }
  for (const user of users) {
    const hasPassword = user.has_password === 1;
    const changed = user.password_changed;
    const rotation = hasPassword && changed ? passwordExpiry(policy, new Date(changed)) : undefined;
    rows.push([
      user.name,
      user.arn,
      reportTime(user.created),
      bool(hasPassword),
      hasPassword ? (user.password_used ? reportTime(user.password_used) : 'no_information') : 'N/A',
      hasPassword && changed ? reportTime(changed) : 'N/A',
      rotation ? reportTime(rotation.toISOString()) : 'N/A',
      bool(user.mfa === 1),
      ...keyCells(keys.get(user.id)?.[0]),
      ...keyCells(keys.get(user.id)?.[1]),
      ...NO_CERTIFICATES,
    ]);
  }
  return rows;
}

// Only the user name and the ARN (name and path may contain `,` or `"`) can need CSV quoting; every other cell is
// a date, a flag or a region/service name. Rows without such characters are joined directly and csv-stringify
// quotes the rest, which keeps 10,000 rows well inside the report's time budget.
const NEEDS_QUOTING = /[",\r\n]/;

function csvLine(cells: readonly string[]): string {
  const quote = NEEDS_QUOTING.test(cells[0] ?? '') || NEEDS_QUOTING.test(cells[1] ?? '');
  return quote ? stringify([cells], { record_delimiter: '\n' }) : `${cells.join(',')}\n`;
}

/** The full CSV text: header line plus one line per principal. */
export function buildCredentialReportCsv(db: Db): string {
  let csv = csvLine(CREDENTIAL_REPORT_COLUMNS);
  for (const row of credentialReportRows(db)) csv += csvLine(row);
  return csv;
}

interface StoredReport {
  generated: string;
  content: Buffer;
}

function storedReport(db: Db): StoredReport | undefined {
  return db.prepare('SELECT generated, content FROM iam_credential_report WHERE id = 1').get() as StoredReport | undefined;
}

/** When the stored report was generated (without reading its content). */
function storedReportTime(db: Db): string | undefined {
  return db.prepare('SELECT generated FROM iam_credential_report WHERE id = 1').pluck().get() as string | undefined;
}

/**
 * GenerateCredentialReport: STARTED (with AWS's description) when there is no report, STARTED again when the
 * last one is older than 4 hours, otherwise COMPLETE (the last report stands).
 */
export function generateCredentialReport(db: Db, now: Date): GenerateResult {
  return db.transaction((): GenerateResult => {
    const existing = storedReportTime(db);
    if (existing && now.getTime() - new Date(existing).getTime() < REPORT_MAX_AGE_MS) {
      return { state: 'COMPLETE', description: undefined };
    }
    const content = Buffer.from(buildCredentialReportCsv(db), 'utf8');
    const when = isoSeconds(now);
    db.prepare('INSERT OR REPLACE INTO iam_credential_report (id, started, generated, content) VALUES (1, ?, ?, ?)').run(when, when, content);
    return {
      state: 'STARTED',
      description: existing ? undefined : 'No report exists. Starting a new report generation task',
    };
  })();
}

/** GetCredentialReport: 410 ReportNotPresent before any, 410 ReportExpired once the report is over 4 hours old. */
export function getCredentialReport(db: Db, now: Date): CredentialReport {
  const report = storedReport(db);
  if (!report) {
    throw new IamError(
      'ReportNotPresent',
      'The request was rejected because the credential report does not exist. To generate a credential report, use GenerateCredentialReport.',
    );
  }
  const generatedTime = new Date(report.generated);
  if (now.getTime() - generatedTime.getTime() >= REPORT_MAX_AGE_MS) {
    throw new IamError(
      'ReportExpired',
      'The request was rejected because the most recent credential report has expired. To generate a new credential report, use GenerateCredentialReport.',
    );
  }
  return { content: report.content, generatedTime, reportFormat: 'text/csv' };
}
