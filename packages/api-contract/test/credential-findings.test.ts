import { describe, expect, it } from 'vitest';
import { allFindings, DEFAULT_THRESHOLDS, passwordPolicyFindings, rowFindings, type Finding } from '../src/credential-findings.ts';
import { CREDENTIAL_REPORT_COLUMNS, reportFileName, type CredentialReportRow } from '../src/credential-report.ts';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const daysAgo = (n: number) => new Date(NOW - n * 86_400_000).toISOString().replace(/\.\d{3}Z$/, '+00:00');

/** A report line: no password, no MFA, no keys, unless given. */
function row(cells: Partial<Record<(typeof CREDENTIAL_REPORT_COLUMNS)[number], string>>): CredentialReportRow {
  const base: CredentialReportRow = Object.fromEntries(CREDENTIAL_REPORT_COLUMNS.map((c) => [c, 'N/A']));
  return { ...base, password_enabled: 'false', mfa_active: 'false', access_key_1_active: 'false', access_key_2_active: 'false', user_creation_time: daysAgo(400), ...cells };
}
const root = (cells: Parameters<typeof row>[0] = {}) =>
  row({ user: '<root_account>', password_enabled: 'not_supported', password_last_used: 'no_information', password_last_changed: 'not_supported', ...cells });
const checks = (found: Finding[]) => found.map((f) => `${f.user ?? 'account'} ${f.check}`);

describe('root findings (CIS 1.4, 1.5, 1.7)', () => {
  it('flags active root keys, no MFA and use within the threshold', () => {
    const found = rowFindings([root({ access_key_1_active: 'true', access_key_1_last_rotated: daysAgo(10), access_key_1_last_used_date: daysAgo(2), password_last_used: daysAgo(30) })], DEFAULT_THRESHOLDS, NOW);
    expect(checks(found)).toEqual(['<root_account> root-access-keys', '<root_account> root-mfa', '<root_account> root-recent-use']);
    expect(found.find((f) => f.check === 'root-recent-use')?.detail).toBe("The root user's access key 1 was used 2 days ago.");
    expect(found[0]).toMatchObject({ cis: '1.4', severity: 'high' });
  });

  it('passes a root user with MFA, no keys and no recent use; no_information is no use', () => {
    expect(rowFindings([root({ mfa_active: 'true', password_last_used: daysAgo(8) })], DEFAULT_THRESHOLDS, NOW)).toEqual([]);
    expect(rowFindings([root({ mfa_active: 'true' })], DEFAULT_THRESHOLDS, NOW)).toEqual([]);
    expect(checks(rowFindings([root({ mfa_active: 'true', password_last_used: daysAgo(8) })], { ...DEFAULT_THRESHOLDS, rootUseDays: 10 }, NOW))).toEqual(['<root_account> root-recent-use']);
  });
});

describe('user findings (CIS 1.10, 1.12, 1.13, 1.14)', () => {
  it('flags a console user without MFA', () => {
    expect(checks(rowFindings([row({ user: 'bob', password_enabled: 'true', password_last_used: daysAgo(1), password_last_changed: daysAgo(5) })], DEFAULT_THRESHOLDS, NOW))).toEqual(['bob console-without-mfa']);
    expect(rowFindings([row({ user: 'amy', password_enabled: 'true', mfa_active: 'true', password_last_used: daysAgo(1), password_last_changed: daysAgo(5) })], DEFAULT_THRESHOLDS, NOW)).toEqual([]);
  });

  it('counts unused credentials from the last use, or from when set when never used, at 45 days and more', () => {
    const found = rowFindings([
      row({ user: 'a', password_enabled: 'true', mfa_active: 'true', password_last_used: daysAgo(45), password_last_changed: daysAgo(100) }),
      row({ user: 'b', password_enabled: 'true', mfa_active: 'true', password_last_used: 'no_information', password_last_changed: daysAgo(60) }),
      row({ user: 'c', password_enabled: 'true', mfa_active: 'true', password_last_used: daysAgo(44), password_last_changed: daysAgo(60) }),
      row({ user: 'd', access_key_1_active: 'true', access_key_1_last_rotated: daysAgo(50), access_key_1_last_used_date: 'N/A' }),
      row({ user: 'e', access_key_1_active: 'false', access_key_1_last_rotated: daysAgo(500), access_key_1_last_used_date: daysAgo(400) }),
    ], DEFAULT_THRESHOLDS, NOW);
    expect(found.map((f) => [f.user, f.detail])).toEqual([
      ['a', 'Password unused for 45 days.'],
      ['b', 'Password never used, set 60 days ago.'],
      ['d', 'Access key 1 never used, created 50 days ago.'],
    ]);
  });

  it('flags two active keys and active keys older than 90 days (inactive ones are not rotated credentials in use)', () => {
    const found = rowFindings([
      row({ user: 'k', access_key_1_active: 'true', access_key_1_last_rotated: daysAgo(91), access_key_1_last_used_date: daysAgo(1), access_key_2_active: 'true', access_key_2_last_rotated: daysAgo(90), access_key_2_last_used_date: daysAgo(1) }),
      row({ user: 'old-inactive', access_key_1_active: 'false', access_key_1_last_rotated: daysAgo(300) }),
    ], DEFAULT_THRESHOLDS, NOW);
    expect(found.map((f) => `${f.user} ${f.check} ${f.detail}`)).toEqual(['k old-access-keys Access key 1 is 91 days old.', 'k two-active-keys Has two active access keys.']);
  });
});

describe('password policy findings (CIS 1.8, 1.9)', () => {
  it('flags no policy, a short minimum and too little reuse prevention; passes 14 and 24', () => {
    expect(checks(passwordPolicyFindings(null, DEFAULT_THRESHOLDS))).toEqual(['account password-length', 'account password-reuse']);
    expect(passwordPolicyFindings({ minimumPasswordLength: 8, passwordReusePrevention: 5 }, DEFAULT_THRESHOLDS).map((f) => f.detail)).toEqual([
      'Minimum password length is 8, below 14.',
      'The policy remembers 5 passwords, fewer than 24.',
    ]);
    expect(passwordPolicyFindings({ minimumPasswordLength: 14, passwordReusePrevention: 24 }, DEFAULT_THRESHOLDS)).toEqual([]);
  });

  it('leaves the policy out when it could not be read', () => {
    expect(allFindings([], undefined, DEFAULT_THRESHOLDS, NOW)).toEqual([]);
  });
});

describe('reportFileName', () => {
  it('is the console’s status_reports_<date>T<time>.csv in UTC', () => {
    expect(reportFileName(new Date('2026-12-07T00:16:25.512Z'))).toBe('status_reports_2026-12-07T00_16_25.csv');
    expect(reportFileName(new Date('2026-12-07T00:16:25Z'), '_filtered')).toBe('status_reports_2026-12-07T00_16_25_filtered.csv');
  });
});
