// The report table's columns: every column of IAM's report (the usual ones shown, the rest in the column chooser)
// and the row's findings. Dates read as a date and an age, IAM's raw value on hover.
import type { TableProps } from '@cloudscape-design/components/table';
import { memo } from 'react';
import { CHECKS, type Finding } from '@iam-console/api-contract/credential-findings.ts';
import { CREDENTIAL_REPORT_COLUMNS, type CredentialReportColumn } from '@iam-console/api-contract/credential-report.ts';
import { RouterLink } from '../../components/router-link.tsx';
import { detailPath } from '../../lib/path-segment.ts';
import { describeCell } from './report-cells.ts';
import type { ReportRow } from './report-rows.ts';

export interface TableRow extends ReportRow {
  findings: Finding[];
  findingCount: number;
  /** The findings' titles, for the "Finding" filter. */
  findingChecks: string;
}

const HEADERS: Record<CredentialReportColumn, string> = {
  user: 'User',
  arn: 'ARN',
  user_creation_time: 'Creation time',
  password_enabled: 'Password enabled',
  password_last_used: 'Password last used',
  password_last_changed: 'Password last changed',
  password_next_rotation: 'Password next rotation',
  mfa_active: 'MFA active',
  access_key_1_active: 'Access key 1 active',
  access_key_1_last_rotated: 'Access key 1 last rotated',
  access_key_1_last_used_date: 'Access key 1 last used',
  access_key_1_last_used_region: 'Access key 1 last used Region',
  access_key_1_last_used_service: 'Access key 1 last used service',
  access_key_2_active: 'Access key 2 active',
  access_key_2_last_rotated: 'Access key 2 last rotated',
  access_key_2_last_used_date: 'Access key 2 last used',
  access_key_2_last_used_region: 'Access key 2 last used Region',
  access_key_2_last_used_service: 'Access key 2 last used service',
  cert_1_active: 'Certificate 1 active',
  cert_1_last_rotated: 'Certificate 1 last rotated',
  cert_2_active: 'Certificate 2 active',
  cert_2_last_rotated: 'Certificate 2 last rotated',
};

// The columns an auditor reads first; the rest (second key, Regions, services, certificates, ARN) are a click away.
const SHOWN = new Set<string>([
  'user', 'password_enabled', 'password_last_used', 'mfa_active', 'access_key_1_active', 'access_key_1_last_rotated',
  'access_key_1_last_used_date', 'access_key_2_active', 'findings',
]);

export interface ReportColumn extends TableProps.ColumnDefinition<TableRow> {
  id: string;
  header: string;
  visible: boolean;
}

// Memoized: the table draws its rows again as it measures itself, and each date cell is parsed and formatted.
const Cell = memo(function Cell({ column, row, now }: { column: string; row: TableRow; now: number }) {
  const { text, title } = describeCell(column, row.cells, now);
  return <span title={title}>{text}</span>;
});

const UserCell = memo(function UserCell({ row }: { row: TableRow }) {
  // The root user has no user page; every other name links to its own (names such as `..` escaped).
  if (row.isRoot) return <span title="The AWS account root user">{row.user}</span>;
  return <RouterLink href={detailPath.user(row.user)}>{row.user}</RouterLink>;
});

export function reportColumns(now: number): ReportColumn[] {
  const columns: ReportColumn[] = CREDENTIAL_REPORT_COLUMNS.map((column) => ({
    id: column,
    header: HEADERS[column],
    visible: SHOWN.has(column),
    sortingField: column,
    isRowHeader: column === 'user',
    cell: (row: TableRow) => (column === 'user' ? <UserCell row={row} /> : <Cell column={column} row={row} now={now} />),
  }));
  columns.push({
    id: 'findings',
    header: 'Findings',
    visible: true,
    sortingField: 'findings',
    cell: (row) =>
      row.findingCount === 0 ? (
        <span title="No finding">0</span>
      ) : (
        <span title={row.findings.map((f) => `${CHECKS[f.check].cis} ${f.detail}`).join('\n')}>{row.findingCount}</span>
      ),
  });
  return columns;
}

/** The order rows are shown in: by the chosen column, the root user's line always first (as in IAM's report). */
export function sortRows(rows: readonly TableRow[], columnId: string | undefined, descending: boolean): TableRow[] {
  const root = rows.filter((r) => r.isRoot);
  const users = rows.filter((r) => !r.isRoot);
  if (columnId) {
    const key = (row: TableRow): string | number => (columnId === 'findings' ? row.findingCount : (row.cells[columnId] ?? ''));
    users.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const order = x < y ? -1 : x > y ? 1 : a.index - b.index;
      return descending ? -order : order;
    });
  }
  return [...root, ...users];
}
