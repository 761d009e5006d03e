// The credential report's CSV as table rows: IAM's cells kept as they are (for the download and the raw value on
// hover), plus the ages the filters and charts need, in whole days at `now`.
import Papa from 'papaparse';
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

/** The report as IAM wrote it: its header and every line's cells (strings, in column order). */
export interface ReportTable {
  columns: string[];
  lines: string[][];
}

/** Parses the CSV (RFC 4180, as IAM writes it); a file that is not a credential report (no `user` column) is refused. */
export function parseReportTable(csv: string): ReportTable {
  // Papa Parse's array mode: a 10,000-user report in tens of milliseconds (its header mode is many times slower).
  const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`The credential report could not be read: ${parsed.errors[0]!.message} (line ${(parsed.errors[0]!.row ?? 0) + 1}).`);
  const [columns = [], ...lines] = parsed.data;
  if (columns[0] !== 'user') throw new Error('This is not a credential report: it has no user column.');
  return { columns, lines };
}

/** The lines by column name. */
export function reportLines(table: ReportTable): CredentialReportRow[] {
  const { columns, lines } = table;
  return lines.map((cells) => {
    const row: CredentialReportRow = {};
    for (let i = 0; i < columns.length; i++) row[columns[i]!] = cells[i] ?? '';
    return row;
  });
}

export function parseReportCsv(csv: string): CredentialReportRow[] {
  return reportLines(parseReportTable(csv));
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

/**
 * The figures of each line that take parsing dates, four numbers a line (activeKeys, passwordUnusedDays,
 * accessKeyAgeDays, accessKeyUnusedDays; NaN for none): worked out where the CSV is parsed, off the page's thread,
 * and sent back as one buffer.
 */
export interface ParsedReport extends ReportTable {
  figures: Float64Array;
}

const FIGURES = 4;
const orNaN = (value: number | null) => value ?? Number.NaN;
const orNull = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? null : value);

export function parseReportWithFigures(csv: string, now: number): ParsedReport {
  const table = parseReportTable(csv);
  const figures = new Float64Array(table.lines.length * FIGURES);
  reportLines(table).forEach((cells, index) => {
    const row = toReportRow(cells, index, now);
    figures.set([row.activeKeys, orNaN(row.passwordUnusedDays), orNaN(row.accessKeyAgeDays), orNaN(row.accessKeyUnusedDays)], index * FIGURES);
  });
  return { ...table, figures };
}

/** The rows from a parsed report and its figures: only the cells by column name are made here. */
export function rowsWithFigures(parsed: ParsedReport): ReportRow[] {
  const { figures } = parsed;
  return reportLines(parsed).map((cells, index) => {
    const at = index * FIGURES;
    return {
      index,
      user: cells.user ?? '',
      isRoot: cells.user === ROOT_ACCOUNT,
      cells,
      passwordEnabled: cells.password_enabled ?? '',
      mfaActive: cells.mfa_active ?? '',
      activeKeys: figures[at] ?? 0,
      passwordUnusedDays: orNull(figures[at + 1]),
      accessKeyAgeDays: orNull(figures[at + 2]),
      accessKeyUnusedDays: orNull(figures[at + 3]),
    };
  });
}

export function tableRows(table: ReportTable, now: number): ReportRow[] {
  return reportLines(table).map((cells, index) => toReportRow(cells, index, now));
}

export function reportRows(csv: string, now: number): ReportRow[] {
  return tableRows(parseReportTable(csv), now);
}

