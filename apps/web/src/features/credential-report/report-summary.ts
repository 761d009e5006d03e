// The figures of the summary cards and charts, from the report's rows and the findings.
import { CHECKS, CHECK_IDS, type CheckId, type Finding } from '@iam-console/api-contract/credential-findings.ts';
import type { ReportRow } from './report-rows.ts';

export interface Bucket {
  label: string;
  count: number;
  /** The full name, when the label is short. */
  title?: string;
}

export interface ReportSummary {
  users: number;
  consoleUsers: number;
  consoleUsersWithMfa: number;
  /** Users (not root) by MFA and console password. */
  mfa: { withMfa: number; consoleWithoutMfa: number; otherWithoutMfa: number };
  activeKeys: number;
  /** Active keys of users and root by age. */
  keyAges: Bucket[];
  /** Credentials unused for at least the threshold, and never used. */
  unused: Bucket[];
  findingsByCheck: (Bucket & { check: CheckId; cis: string })[];
  findings: number;
}

const KEY_AGE_BUCKETS: { label: string; upTo: number }[] = [
  { label: '0–30 days', upTo: 30 },
  { label: '31–90 days', upTo: 90 },
  { label: '91–180 days', upTo: 180 },
  { label: '181–365 days', upTo: 365 },
  { label: 'Over 1 year', upTo: Number.POSITIVE_INFINITY },
];

export function keyAgeBuckets(ages: readonly number[]): Bucket[] {
  const buckets = KEY_AGE_BUCKETS.map(({ label }) => ({ label, count: 0 }));
  for (const age of ages) buckets[KEY_AGE_BUCKETS.findIndex((b) => age <= b.upTo)]!.count++;
  return buckets;
}

function activeKeyAges(row: ReportRow, now: number): number[] {
  const ages: number[] = [];
  for (const n of [1, 2] as const) {
    if (row.cells[`access_key_${n}_active`] !== 'true') continue;
    const rotated = Date.parse(row.cells[`access_key_${n}_last_rotated`] ?? '');
    if (!Number.isNaN(rotated)) ages.push(Math.floor((now - rotated) / 86_400_000));
  }
  return ages;
}

export function summarize(rows: readonly ReportRow[], findings: readonly Finding[], unusedDays: number, now: number): ReportSummary {
  const users = rows.filter((r) => !r.isRoot);
  const console = users.filter((r) => r.passwordEnabled === 'true');
  const withMfa = users.filter((r) => r.mfaActive === 'true').length;
  const consoleWithMfa = console.filter((r) => r.mfaActive === 'true').length;
  const ages = rows.flatMap((r) => activeKeyAges(r, now));
  const neverUsedPasswords = console.filter((r) => r.cells.password_last_used === 'no_information').length;
  const neverUsedKeys = rows.reduce((n, r) => n + ([1, 2] as const).filter((k) => r.cells[`access_key_${k}_active`] === 'true' && r.cells[`access_key_${k}_last_used_date`] === 'N/A').length, 0);
  const byCheck = new Map<CheckId, number>();
  for (const f of findings) byCheck.set(f.check, (byCheck.get(f.check) ?? 0) + 1);
  return {
    users: users.length,
    consoleUsers: console.length,
    consoleUsersWithMfa: consoleWithMfa,
    mfa: { withMfa, consoleWithoutMfa: console.length - consoleWithMfa, otherWithoutMfa: users.length - withMfa - (console.length - consoleWithMfa) },
    activeKeys: ages.length,
    keyAges: keyAgeBuckets(ages),
    unused: [
      { label: `Passwords ≥ ${unusedDays} d`, title: `Passwords unused for ${unusedDays} days or more`, count: console.filter((r) => (r.passwordUnusedDays ?? -1) >= unusedDays).length },
      { label: 'Passwords never', title: 'Passwords never used', count: neverUsedPasswords },
      { label: `Keys ≥ ${unusedDays} d`, title: `Users with an active access key unused for ${unusedDays} days or more`, count: rows.filter((r) => (r.accessKeyUnusedDays ?? -1) >= unusedDays).length },
      { label: 'Keys never', title: 'Active access keys never used', count: neverUsedKeys },
    ],
    findingsByCheck: CHECK_IDS.map((check) => ({ check, cis: CHECKS[check].cis, label: `${CHECKS[check].cis} ${CHECKS[check].title}`, count: byCheck.get(check) ?? 0 })),
    findings: findings.length,
  };
}
