// Findings from the credential report and the password policy: the identity checks of the CIS AWS Foundations
// Benchmark (v3.0.0, section 1), with their thresholds configurable. Shared by the console's page and the BFF's
// audit bundle so both say the same.
import { z } from 'zod';
import { ROOT_ACCOUNT, type CredentialReportRow } from './credential-report.ts';

export const findingThresholds = z.strictObject({
  /** 1.12: a password or active key unused for this many days or more. */
  unusedDays: z.number().int().min(1).max(3650),
  /** 1.14: an active key older than this many days. */
  keyMaxAgeDays: z.number().int().min(1).max(3650),
  /** 1.7: the root user used within this many days. */
  rootUseDays: z.number().int().min(1).max(3650),
  /** 1.8: the password policy's minimum length. */
  minPasswordLength: z.number().int().min(6).max(128),
  /** 1.9: passwords the policy remembers. */
  passwordReuse: z.number().int().min(1).max(24),
});
export type FindingThresholds = z.infer<typeof findingThresholds>;

export const DEFAULT_THRESHOLDS: FindingThresholds = { unusedDays: 45, keyMaxAgeDays: 90, rootUseDays: 7, minPasswordLength: 14, passwordReuse: 24 };

export const CHECK_IDS = [
  'root-access-keys', 'root-mfa', 'root-recent-use', 'password-length', 'password-reuse',
  'console-without-mfa', 'unused-credentials', 'two-active-keys', 'old-access-keys',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export interface Check {
  id: CheckId;
  /** The recommendation's number in the CIS AWS Foundations Benchmark v3.0.0. */
  cis: string;
  title: string;
  severity: 'high' | 'medium' | 'low';
}

export const CHECKS: Record<CheckId, Check> = {
  'root-access-keys': { id: 'root-access-keys', cis: '1.4', title: 'No access key exists for the root user', severity: 'high' },
  'root-mfa': { id: 'root-mfa', cis: '1.5', title: 'MFA is enabled for the root user', severity: 'high' },
  'root-recent-use': { id: 'root-recent-use', cis: '1.7', title: 'The root user is not used for daily tasks', severity: 'high' },
  'password-length': { id: 'password-length', cis: '1.8', title: 'The password policy requires a minimum length', severity: 'medium' },
  'password-reuse': { id: 'password-reuse', cis: '1.9', title: 'The password policy prevents password reuse', severity: 'medium' },
  'console-without-mfa': { id: 'console-without-mfa', cis: '1.10', title: 'MFA is enabled for every user with a console password', severity: 'high' },
  'unused-credentials': { id: 'unused-credentials', cis: '1.12', title: 'Unused credentials are disabled', severity: 'medium' },
  'two-active-keys': { id: 'two-active-keys', cis: '1.13', title: 'Only one active access key per user', severity: 'low' },
  'old-access-keys': { id: 'old-access-keys', cis: '1.14', title: 'Access keys are rotated', severity: 'medium' },
};

export const finding = z.strictObject({
  check: z.enum(CHECK_IDS),
  cis: z.string(),
  severity: z.enum(['high', 'medium', 'low']),
  /** The user name (`<root_account>` for the root user), or null for the account (the password policy). */
  user: z.string().nullable(),
  detail: z.string(),
});
export type Finding = z.infer<typeof finding>;

/** The account's password policy as the checks need it; null when the account has none. */
export interface PasswordPolicyFacts {
  minimumPasswordLength?: number | undefined;
  passwordReusePrevention?: number | undefined;
}

const DAY_MS = 86_400_000;

/** A report cell's time, or undefined for N/A, no_information, not_supported and anything else that is no date. */
export function reportDate(cell: string | undefined): number | undefined {
  if (!cell || !/^\d{4}-\d\d-\d\dT/.test(cell)) return undefined;
  const ms = Date.parse(cell);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Whole days from `cell`'s time to `now`, or undefined when the cell holds no date. */
export function ageInDays(cell: string | undefined, now: number): number | undefined {
  const when = reportDate(cell);
  return when === undefined ? undefined : Math.floor((now - when) / DAY_MS);
}

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

interface Key {
  n: 1 | 2;
  active: boolean;
  lastRotated: string | undefined;
  lastUsed: string | undefined;
}

function keysOf(row: CredentialReportRow): Key[] {
  return ([1, 2] as const).map((n) => ({
    n,
    active: row[`access_key_${n}_active`] === 'true',
    lastRotated: row[`access_key_${n}_last_rotated`],
    lastUsed: row[`access_key_${n}_last_used_date`],
  }));
}

function rootFindings(row: CredentialReportRow, t: FindingThresholds, now: number, add: (check: CheckId, detail: string) => void): void {
  const active = keysOf(row).filter((k) => k.active);
  if (active.length > 0) add('root-access-keys', `The root user has ${active.length === 1 ? 'an active access key' : 'two active access keys'}.`);
  if (row.mfa_active !== 'true') add('root-mfa', 'The root user has no MFA device.');
  const uses = [['password', row.password_last_used], ...active.map((k) => [`access key ${k.n}`, k.lastUsed] as const)] as const;
  for (const [what, cell] of uses) {
    const age = ageInDays(cell, now);
    if (age !== undefined && age < t.rootUseDays) add('root-recent-use', `The root user's ${what} was used ${age === 0 ? 'today' : `${days(age)} ago`}.`);
  }
}

function userFindings(row: CredentialReportRow, t: FindingThresholds, now: number, add: (check: CheckId, detail: string) => void): void {
  const hasPassword = row.password_enabled === 'true';
  if (hasPassword && row.mfa_active !== 'true') add('console-without-mfa', 'Has a console password and no MFA device.');
  if (hasPassword) {
    // A password never used counts from when it was set.
    const used = ageInDays(row.password_last_used, now);
    const age = used ?? ageInDays(row.password_last_changed, now);
    if (age !== undefined && age >= t.unusedDays) {
      add('unused-credentials', used === undefined ? `Password never used, set ${days(age)} ago.` : `Password unused for ${days(age)}.`);
    }
  }
  const keys = keysOf(row);
  for (const key of keys.filter((k) => k.active)) {
    const used = ageInDays(key.lastUsed, now);
    const age = used ?? ageInDays(key.lastRotated, now);
    if (age !== undefined && age >= t.unusedDays) {
      add('unused-credentials', used === undefined ? `Access key ${key.n} never used, created ${days(age)} ago.` : `Access key ${key.n} unused for ${days(age)}.`);
    }
    const keyAge = ageInDays(key.lastRotated, now);
    if (keyAge !== undefined && keyAge > t.keyMaxAgeDays) add('old-access-keys', `Access key ${key.n} is ${days(keyAge)} old.`);
  }
  if (keys.every((k) => k.active)) add('two-active-keys', 'Has two active access keys.');
}

/** The findings of each report line (root first, as the report is ordered). */
export function rowFindings(rows: readonly CredentialReportRow[], thresholds: FindingThresholds, now: number): Finding[] {
  const found: Finding[] = [];
  for (const row of rows) {
    const user = row.user ?? '';
    const add = (check: CheckId, detail: string) => found.push({ check, cis: CHECKS[check].cis, severity: CHECKS[check].severity, user, detail });
    if (user === ROOT_ACCOUNT) rootFindings(row, thresholds, now, add);
    else userFindings(row, thresholds, now, add);
  }
  return found;
}

/** The account's findings from its password policy (null: the account has none, so IAM's defaults apply). */
export function passwordPolicyFindings(policy: PasswordPolicyFacts | null, thresholds: FindingThresholds): Finding[] {
  const found: Finding[] = [];
  const add = (check: CheckId, detail: string) => found.push({ check, cis: CHECKS[check].cis, severity: CHECKS[check].severity, user: null, detail });
  const length = policy?.minimumPasswordLength;
  if (!policy) add('password-length', `No password policy: IAM's default minimum length is 8, below ${thresholds.minPasswordLength}.`);
  else if ((length ?? 0) < thresholds.minPasswordLength) add('password-length', `Minimum password length is ${length ?? 'not set'}, below ${thresholds.minPasswordLength}.`);
  const reuse = policy?.passwordReusePrevention;
  if (!policy) add('password-reuse', 'No password policy: passwords may be reused.');
  else if ((reuse ?? 0) < thresholds.passwordReuse) {
    add('password-reuse', reuse ? `The policy remembers ${reuse} passwords, fewer than ${thresholds.passwordReuse}.` : 'The policy does not prevent password reuse.');
  }
  return found;
}

/** Every finding: the account's first, then each line's. `policy` undefined means it could not be read (no finding). */
export function allFindings(
  rows: readonly CredentialReportRow[],
  policy: PasswordPolicyFacts | null | undefined,
  thresholds: FindingThresholds,
  now: number,
): Finding[] {
  return [...(policy === undefined ? [] : passwordPolicyFindings(policy, thresholds)), ...rowFindings(rows, thresholds, now)];
}
