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
  active: number | null;
  created: string | null;
  used: string | null;
  region: string | null;
  service: string | null;
}

interface ReportRow {
  name: string;
  arn: string;
  created: string;
  has_password: number;
  password_changed: string | null;
  password_used: string | null;
  mfa: number;
  k1_active: number | null;
  k1_created: string | null;
  k1_used: string | null;
  k1_region: string | null;
  k1_service: string | null;
  k2_active: number | null;
  k2_created: string | null;
  k2_used: string | null;
  k2_region: string | null;
  k2_service: string | null;
}

// Keys are numbered per owner by creation (key 1 = the older one); owner '' stands for root.
const RANKED_KEYS = `
ranked_keys AS (
  SELECT coalesce(owner_user_id, '') AS owner, status = 'Active' AS active, create_date AS created,
         last_used_date AS used, last_used_region AS region, last_used_service AS service,
         row_number() OVER (PARTITION BY owner_user_id ORDER BY create_date, rowid) AS n
  FROM iam_access_keys
)`;

const KEY_COLUMNS = `
  k1.active AS k1_active, k1.created AS k1_created, k1.used AS k1_used, k1.region AS k1_region, k1.service AS k1_service,
  k2.active AS k2_active, k2.created AS k2_created, k2.used AS k2_used, k2.region AS k2_region, k2.service AS k2_service`;

const USERS_SQL = `
WITH ${RANKED_KEYS},
mfa_users AS (SELECT DISTINCT user_id FROM iam_mfa_devices WHERE assigned_to = 'user')
SELECT u.name, 'arn:aws:iam::' || (SELECT account_id FROM iam_account WHERE id = 1) || ':user' || u.path || u.name AS arn, u.create_date AS created,
       lp.user_id IS NOT NULL AS has_password, lp.password_changed, plu.last_used AS password_used,
       m.user_id IS NOT NULL AS mfa, ${KEY_COLUMNS}
FROM iam_users u
LEFT JOIN iam_login_profiles lp ON lp.user_id = u.id
LEFT JOIN iam_password_last_used plu ON plu.user_id = u.id
LEFT JOIN mfa_users m ON m.user_id = u.id
LEFT JOIN ranked_keys k1 ON k1.owner = u.id AND k1.n = 1
LEFT JOIN ranked_keys k2 ON k2.owner = u.id AND k2.n = 2
ORDER BY u.name`;

const ROOT_SQL = `
WITH ${RANKED_KEYS}
SELECT '<root_account>' AS name, 'arn:aws:iam::' || a.account_id || ':root' AS arn, a.create_date AS created,
       0 AS has_password, NULL AS password_changed, a.root_password_last_used AS password_used,
       EXISTS (SELECT 1 FROM iam_mfa_devices WHERE assigned_to = 'root') AS mfa, ${KEY_COLUMNS}
FROM iam_account a
LEFT JOIN ranked_keys k1 ON k1.owner = '' AND k1.n = 1
LEFT JOIN ranked_keys k2 ON k2.owner = '' AND k2.n = 2
WHERE a.id = 1`;

/** Report timestamps: ISO 8601 with an explicit `+00:00` offset, as real reports write them. */
function reportTime(iso: string): string {
  return isoSeconds(new Date(iso)).replace(/Z$/, '+00:00');
}

const bool = (value: boolean) => (value ? 'true' : 'false');

function keyCells(key: KeyColumns): string[] {
  if (key.created === null) return ['false', 'N/A', 'N/A', 'N/A', 'N/A'];
  const used = key.used !== null;
  return [
    bool(key.active === 1),
    reportTime(key.created),
    used ? reportTime(key.used as string) : 'N/A',
    used ? (key.region ?? 'N/A') : 'N/A',
    used ? (key.service ?? 'N/A') : 'N/A',
  ];
}

function keyOf(row: ReportRow, n: 1 | 2): KeyColumns {
  return n === 1
    ? { active: row.k1_active, created: row.k1_created, used: row.k1_used, region: row.k1_region, service: row.k1_service }
    : { active: row.k2_active, created: row.k2_created, used: row.k2_used, region: row.k2_region, service: row.k2_service };
}

const NO_CERTIFICATES = ['false', 'N/A', 'false', 'N/A'];

/** The report's rows (header excluded), root first: the pure content, for tests and the generator. */
export function credentialReportRows(db: Db): string[][] {
  const policy = getPasswordPolicy(db);
  const root = db.prepare(ROOT_SQL).get() as ReportRow | undefined;
  const users = db.prepare(USERS_SQL).all() as ReportRow[];
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
      ...keyCells(keyOf(root, 1)),
      ...keyCells(keyOf(root, 2)),
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
      ...keyCells(keyOf(user, 1)),
      ...keyCells(keyOf(user, 2)),
      ...NO_CERTIFICATES,
    ]);
  }
  return rows;
}

/** The full CSV text: header line plus one line per principal. */
export function buildCredentialReportCsv(db: Db): string {
  return stringify([[...CREDENTIAL_REPORT_COLUMNS], ...credentialReportRows(db)], { record_delimiter: '\n' });
}

interface StoredReport {
  generated: string;
  content: Buffer;
}

function storedReport(db: Db): StoredReport | undefined {
  return db.prepare('SELECT generated, content FROM iam_credential_report WHERE id = 1').get() as StoredReport | undefined;
}

/**
 * GenerateCredentialReport: STARTED (with AWS's description) when there is no report, STARTED again when the
 * last one is older than 4 hours, otherwise COMPLETE (the last report stands).
 */
export function generateCredentialReport(db: Db, now: Date): GenerateResult {
  return db.transaction((): GenerateResult => {
    const existing = storedReport(db);
    if (existing && now.getTime() - new Date(existing.generated).getTime() < REPORT_MAX_AGE_MS) {
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
