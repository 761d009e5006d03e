// The page's derived data: findings for the thresholds, the table's rows with their findings, the summary.
import { allFindings, type Finding, type FindingThresholds, type PasswordPolicyFacts } from '@iam-console/api-contract/credential-findings.ts';
import type { PasswordPolicy } from '@iam-console/api-contract/account.ts';
import type { ReportRow } from './report-rows.ts';
import type { TableRow } from './report-table-columns.tsx';
import { CHECKS } from '@iam-console/api-contract/credential-findings.ts';

/** The policy facts the checks need; undefined (no policy finding) while unknown or refused. */
export function policyFacts(policy: PasswordPolicy | null | undefined): PasswordPolicyFacts | null | undefined {
  if (policy === undefined) return undefined;
  if (policy === null) return null;
  return { minimumPasswordLength: policy.MinimumPasswordLength, passwordReusePrevention: policy.PasswordReusePrevention };
}

export function reportFindings(rows: readonly ReportRow[], policy: PasswordPolicyFacts | null | undefined, thresholds: FindingThresholds, now: number): Finding[] {
  return allFindings(rows.map((r) => r.cells), policy, thresholds, now);
}

/** Each line with its own findings (the account's are not any line's). */
export function withFindings(rows: readonly ReportRow[], findings: readonly Finding[]): TableRow[] {
  const byUser = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.user === null) continue;
    const list = byUser.get(f.user);
    if (list) list.push(f);
    else byUser.set(f.user, [f]);
  }
  return rows.map((row) => {
    const own = byUser.get(row.user) ?? [];
    return { ...row, findings: own, findingCount: own.length, findingChecks: [...new Set(own.map((f) => CHECKS[f.check].title))].join('; ') };
  });
}
