// The credential report page's own logic: CSV → rows (ages in days), what a cell says, the filters' number
// comparisons, the rows' order (root first), the filtered download and the summary's figures.
import { describe, expect, it } from 'vitest';
import { CREDENTIAL_REPORT_COLUMNS } from '@iam-console/api-contract/credential-report.ts';
import { DEFAULT_THRESHOLDS } from '@iam-console/api-contract/credential-findings.ts';
import { parseReport } from '../src/features/credential-report/parse-report.ts';
import { describeCell } from '../src/features/credential-report/report-cells.ts';
import { numberFilteringProperty } from '../src/features/credential-report/report-filters.ts';
import { parseReportCsv, reportRows } from '../src/features/credential-report/report-rows.ts';
import { keyAgeBuckets, summarize } from '../src/features/credential-report/report-summary.ts';
import { sortRows } from '../src/features/credential-report/report-table-columns.tsx';
import { reportFindings, withFindings } from '../src/features/credential-report/report-view.ts';
import { filteredCsv } from '../src/features/credential-report/components/report-table.tsx';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW - n * 86_400_000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
const NO_KEY = 'false,N/A,N/A,N/A,N/A';
const CERTS = 'false,N/A,false,N/A';

// As IAM writes it: root, a console user without MFA whose key is 120 days old, a user whose name needs quoting.
const CSV =
  `${CREDENTIAL_REPORT_COLUMNS.join(',')}\n` +
  `<root_account>,arn:aws:iam::111122223333:root,${daysAgo(400)},not_supported,no_information,not_supported,not_supported,true,${NO_KEY},${NO_KEY},${CERTS}\n` +
  `bob,arn:aws:iam::111122223333:user/bob,${daysAgo(200)},true,${daysAgo(50)},${daysAgo(150)},N/A,false,true,${daysAgo(120)},${daysAgo(1)},us-east-1,iam,${NO_KEY},${CERTS}\n` +
  `"smith,john","arn:aws:iam::111122223333:user/smith,john",${daysAgo(10)},true,no_information,${daysAgo(60)},N/A,true,true,${daysAgo(5)},N/A,N/A,N/A,true,${daysAgo(3)},${daysAgo(2)},eu-west-1,s3,${CERTS}\n`;

describe('CSV → rows', () => {
  it('keeps IAM’s cells and works out the ages the filters use', () => {
    const [root, bob, smith] = reportRows(CSV, NOW);
    expect(root).toMatchObject({ index: 0, user: '<root_account>', isRoot: true, passwordEnabled: 'not_supported', mfaActive: 'true', activeKeys: 0, accessKeyAgeDays: null, passwordUnusedDays: null });
    expect(bob).toMatchObject({ user: 'bob', isRoot: false, mfaActive: 'false', activeKeys: 1, accessKeyAgeDays: 120, accessKeyUnusedDays: 1, passwordUnusedDays: 50 });
    expect(smith).toMatchObject({ user: 'smith,john', activeKeys: 2, accessKeyAgeDays: 5, accessKeyUnusedDays: 5, passwordUnusedDays: 60 });
    expect(smith?.cells.arn).toBe('arn:aws:iam::111122223333:user/smith,john');
  });

  it('runs in place where there are no Web Workers, and refuses a file that is not a report', async () => {
    expect((await parseReport(CSV, NOW)).map((r) => r.user)).toEqual(['<root_account>', 'bob', 'smith,john']);
    // The ages worked out where the CSV is parsed and sent back as numbers are the rows' own, nulls included.
    expect(await parseReport(CSV, NOW)).toEqual(reportRows(CSV, NOW));
    await expect(parseReport('name,arn\nx,y\n', NOW)).rejects.toThrow(/not a credential report/);
    expect(() => parseReportCsv('name,arn\nx,y\n')).toThrow(/not a credential report/);
    expect(() => parseReportCsv(`${CREDENTIAL_REPORT_COLUMNS.join(',')}\n"unclosed,x\n`)).toThrow(/could not be read/);
  });
});

describe('cells in words', () => {
  const [root, bob, smith] = reportRows(CSV, NOW);
  it('says what N/A, no_information and not_supported mean in each column, raw value on hover', () => {
    expect(describeCell('password_last_changed', root!.cells, NOW)).toEqual({ text: 'Not supported', title: expect.stringMatching(/^not_supported/) });
    expect(describeCell('password_last_used', smith!.cells, NOW)).toEqual({ text: 'Never used', title: expect.stringMatching(/^no_information/) });
    expect(describeCell('password_next_rotation', bob!.cells, NOW).text).toBe('Not required');
    expect(describeCell('access_key_2_last_rotated', bob!.cells, NOW).text).toBe('No key');
    expect(describeCell('access_key_1_last_used_date', smith!.cells, NOW).text).toBe('Never used');
    expect(describeCell('access_key_1_last_used_region', smith!.cells, NOW).text).toBe('Not applicable');
    expect(describeCell('cert_1_last_rotated', bob!.cells, NOW).text).toBe('No certificate');
    expect(describeCell('mfa_active', bob!.cells, NOW)).toEqual({ text: 'No', title: 'false' });
  });

  it('shows a date with its age, the raw ISO value as title', () => {
    const cell = describeCell('access_key_1_last_rotated', bob!.cells, NOW);
    expect(cell.title).toBe(daysAgo(120));
    expect(cell.text).toMatch(/\(120 days ago\)$/);
  });
});

describe('filters', () => {
  const match = (operator: string) => {
    const found = numberFilteringProperty('accessKeyAgeDays', 'Access key age (days)').operators?.find((o) => typeof o === 'object' && o.operator === operator);
    if (!found || typeof found !== 'object' || !found.match) throw new Error(operator);
    return found.match as (value: unknown, token: string) => boolean;
  };
  it('compares ages as numbers; a row without the age and a token that is no number match nothing', () => {
    expect(match('>')(120, '90')).toBe(true);
    expect(match('>')(90, '90')).toBe(false);
    expect(match('>=')(45, '45')).toBe(true);
    expect(match('<')(5, '90')).toBe(true);
    expect(match('<')(null, '90')).toBe(false);
    expect(match('>')(120, 'ninety')).toBe(false);
    expect(match('=')(7, ' 7 ')).toBe(true);
  });
});

describe('order and download', () => {
  const rows = withFindings(reportRows(CSV, NOW), []);
  it('keeps the root user first whichever way a column is sorted', () => {
    expect(sortRows(rows, 'user', true).map((r) => r.user)).toEqual(['<root_account>', 'smith,john', 'bob']);
    expect(sortRows(rows, 'user_creation_time', false).map((r) => r.user)).toEqual(['<root_account>', 'bob', 'smith,john']);
  });

  it('downloads the filtered lines in IAM’s format, cells untouched', () => {
    const csv = filteredCsv(rows.filter((r) => r.mfaActive === 'false'));
    const lines = CSV.split('\n');
    expect(csv).toBe(`${lines[0]}\n${lines[2]}\n`);
    expect(parseReportCsv(filteredCsv(rows))).toEqual(parseReportCsv(CSV));
  });
});

describe('findings and summary', () => {
  const rows = reportRows(CSV, NOW);
  const findings = reportFindings(rows, { minimumPasswordLength: 14, passwordReusePrevention: 24 }, DEFAULT_THRESHOLDS, NOW);
  it('finds bob without MFA, with a password unused 50 days and a key of 120 days; smith with two active keys', () => {
    expect(findings.map((f) => `${f.user} ${f.check}`)).toEqual([
      'bob console-without-mfa', 'bob unused-credentials', 'bob old-access-keys',
      'smith,john unused-credentials', 'smith,john two-active-keys',
    ]);
    const table = withFindings(rows, findings);
    expect(table.map((r) => r.findingCount)).toEqual([0, 3, 2]);
    expect(table[1]?.findingChecks).toContain('MFA is enabled for every user with a console password');
  });

  it('counts users, MFA coverage, key ages and findings by check', () => {
    const summary = summarize(rows, findings, 45, NOW);
    expect(summary).toMatchObject({ users: 2, consoleUsers: 2, consoleUsersWithMfa: 1, mfa: { withMfa: 1, consoleWithoutMfa: 1, otherWithoutMfa: 0 }, activeKeys: 3, findings: 5 });
    expect(summary.keyAges.map((b) => b.count)).toEqual([2, 0, 1, 0, 0]);
    expect(summary.unused.map((b) => b.count)).toEqual([2, 1, 0, 1]);
    expect(summary.findingsByCheck.find((b) => b.check === 'two-active-keys')?.count).toBe(1);
    expect(keyAgeBuckets([0, 30, 31, 366]).map((b) => b.count)).toEqual([2, 1, 0, 0, 1]);
  });
});
