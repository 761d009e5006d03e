// What a report cell means, in words: IAM writes N/A, no_information and not_supported, whose meaning depends on
// the column (IAM User Guide, "Understanding the report format"); dates read as a date and an age.
import { reportDate } from '@iam-console/api-contract/credential-findings.ts';
import { formatAge } from '../../components/format.ts';

export interface CellText {
  text: string;
  /** IAM's value as written, with what it stands for when that is not obvious. */
  title: string;
}

let dateFormat: Intl.DateTimeFormat | undefined;

function notApplicable(column: string, row: Record<string, string>): string {
  if (column.startsWith('password_next_rotation')) return row.password_enabled === 'true' ? 'Not required' : 'No password';
  if (column.startsWith('password_')) return 'No password';
  if (column.startsWith('cert_')) return 'No certificate';
  const key = /^access_key_([12])_/.exec(column)?.[1];
  if (key) {
    if (row[`access_key_${key}_last_rotated`] === 'N/A') return 'No key';
    if (column.endsWith('_region')) return 'Not applicable';
    return 'Never used';
  }
  return 'Not applicable';
}

const EXPLAINED: Record<string, string> = {
  no_information: 'no_information: never used, or not since IAM began tracking it',
  not_supported: 'not_supported: the root user has no value here',
};

/** The text shown for `column`'s cell of `row`, and its hover title. */
export function describeCell(column: string, row: Record<string, string>, now: number): CellText {
  const raw = row[column] ?? '';
  if (raw === 'true' || raw === 'false') return { text: raw === 'true' ? 'Yes' : 'No', title: raw };
  if (raw === 'N/A') return { text: notApplicable(column, row), title: 'N/A (not applicable)' };
  if (raw === 'no_information') return { text: 'Never used', title: EXPLAINED.no_information! };
  if (raw === 'not_supported') return { text: 'Not supported', title: EXPLAINED.not_supported! };
  const when = reportDate(raw);
  if (when !== undefined) {
    dateFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
    return { text: `${dateFormat.format(new Date(when))} (${formatAge(raw, new Date(now)).toLowerCase()})`, title: raw };
  }
  return { text: raw || '-', title: raw };
}
