// The credential report's CSV as table rows: IAM's cells kept as they are (for the download and the raw value on
// hover), plus the ages the filters and charts need, in whole days at `now`.
import { parse } from 'csv-parse/browser/esm/sync';
import { ageInDays } from '@iam-console/api-contract/credential-findings.ts';
import { ROOT_ACCOUNT, type CredentialReportRow } from '@iam-console/api-contract/credential-report.ts';

export interface ReportRow {
  /** The line's place in the report (root is 0). */
  index: number;
  user: string;
  isRoot: boolean;
  /** IAM's cells by column name. */
  cells: CredentialReportRow;
  /** `true`, `false` or `not_supported` (root), as IAM writes them; filterable as is. */
  passwordEnabled: string;
  mfaActive: string;
  activeKeys: number;
  /** Days since the password was last used, or since it was set when never used; null without a password. */
  passwordUnusedDays: number | null;
  /** The oldest active access key's age in days; null without an active key. */
  accessKeyAgeDays: number | null;
  /** Days the longest-unused active key has gone unused (since creation when never used); null without one. */
  accessKeyUnusedDays: number | null;
}

/** The report's lines by column name; a file that is not a credential report (no `user` column) is refused. */
export function parseReportCsv(csv: string): CredentialReportRow[] {
  const rows = parse(csv, { columns: true, skip_empty_lines: true }) as CredentialReportRow[];
  if (rows.length > 0 && !('user' in rows[0]!)) throw new Error('This is not a credential report: it has no user column.');
  return rows;
}

const maxOf = (values: (number | undefined)[]): number | null => {
  const present = values.filter((v): v is number => v !== undefined);
  return present.length > 0 ? Math.max(...present) : null;
};

export function toReportRow(cells: CredentialReportRow, index: number, now: number): ReportRow {
  const active = ([1, 2] as const).filter((n) => cells[`access_key_${n}_active`] === 'true');
  const hasPassword = cells.password_enabled === 'true';
  const isRoot = cells.user === ROOT_ACCOUNT;
  const passwordUsed = ageInDays(cells.password_last_used, now);
  return {
    index,
    user: cells.user ?? '',
    isRoot,
    cells,
    passwordEnabled: cells.password_enabled ?? '',
    mfaActive: cells.mfa_active ?? '',
    activeKeys: active.length,
    passwordUnusedDays: hasPassword ? (passwordUsed ?? ageInDays(cells.password_last_changed, now) ?? null) : isRoot ? (passwordUsed ?? null) : null,
    accessKeyAgeDays: maxOf(active.map((n) => ageInDays(cells[`access_key_${n}_last_rotated`], now))),
    accessKeyUnusedDays: maxOf(
      active.map((n) => ageInDays(cells[`access_key_${n}_last_used_date`], now) ?? ageInDays(cells[`access_key_${n}_last_rotated`], now)),
    ),
  };
}

export function reportRows(csv: string, now: number): ReportRow[] {
  return parseReportCsv(csv).map((cells, index) => toReportRow(cells, index, now));
}

