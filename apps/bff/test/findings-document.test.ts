// findings.json of the audit bundle, written line by line, must be the document JSON.stringify would give for the
// findings of the whole report: the same bytes, with and without findings, with the password policy unreadable.
import { describe, expect, it } from 'vitest';
import { allFindings, DEFAULT_THRESHOLDS, type PasswordPolicyFacts } from '@iam-console/api-contract/credential-findings.ts';
import { CREDENTIAL_REPORT_COLUMNS, ROOT_ACCOUNT, type CredentialReportRow } from '@iam-console/api-contract/credential-report.ts';
import { writeFindingsDocument } from '../src/services/findings-document.ts';

const now = new Date('2026-12-07T00:00:00Z');
const generated = new Date('2026-12-06T23:59:00Z');

function row(user: string, cells: Partial<CredentialReportRow>): CredentialReportRow {
  const blank = Object.fromEntries(CREDENTIAL_REPORT_COLUMNS.map((c) => [c, c.endsWith('_active') || c === 'password_enabled' ? 'false' : 'N/A']));
  return { ...blank, user, arn: `arn:aws:iam::123456789012:user/${user}`, user_creation_time: '2020-01-01T00:00:00+00:00', ...cells };
}

const csv = (rows: CredentialReportRow[]) =>
  Buffer.from(`${CREDENTIAL_REPORT_COLUMNS.join(',')}\n${rows.map((r) => CREDENTIAL_REPORT_COLUMNS.map((c) => r[c]).join(',')).join('\n')}\n`);

async function written(rows: CredentialReportRow[], passwordPolicy: PasswordPolicyFacts | null | undefined, note?: string) {
  const chunks: string[] = [];
  await writeFindingsDocument(
    { report: csv(rows), reportGeneratedTime: generated, now, thresholds: DEFAULT_THRESHOLDS, passwordPolicy, passwordPolicyUnavailable: note },
    async (chunk) => void chunks.push(chunk.toString()),
  );
  return chunks.join('');
}

const expected = (rows: CredentialReportRow[], passwordPolicy: PasswordPolicyFacts | null | undefined, note?: string) =>
  `${JSON.stringify(
    {
      reportGeneratedTime: generated.toISOString(),
      evaluatedAt: now.toISOString(),
      thresholds: DEFAULT_THRESHOLDS,
      ...(note ? { passwordPolicyUnavailable: note } : {}),
      findings: allFindings(rows, passwordPolicy, DEFAULT_THRESHOLDS, now.getTime()),
    },
    null,
    2,
  )}\n`;

describe('the audit bundle findings document', () => {
  // Enough lines to span several of the parser's input slices and several writes.
  const many = Array.from({ length: 3000 }, (_, i) =>
    row(`user-${i}`, i % 2 ? { password_enabled: 'true', mfa_active: 'false', password_last_used: '2026-12-01T00:00:00+00:00' } : { access_key_1_active: 'true', access_key_1_last_rotated: '2020-01-01T00:00:00+00:00' }),
  );

  it('is the whole report’s findings as JSON.stringify writes them', async () => {
    const rows = [row(ROOT_ACCOUNT, { arn: 'arn:aws:iam::123456789012:root', mfa_active: 'false' }), ...many];
    const text = await written(rows, null);
    expect(JSON.parse(text).findings.length).toBeGreaterThan(3000);
    expect(text).toBe(expected(rows, null));
  });

  it('writes an empty list when nothing is found', async () => {
    const rows = [row('quiet', {})];
    const policy = { minimumPasswordLength: 14, passwordReusePrevention: 24 };
    expect(await written(rows, policy)).toBe(expected(rows, policy));
    expect(await written([], policy)).toBe(expected([], policy));
  });

  it('says why the password policy is missing when it could not be read', async () => {
    const note = 'The password policy could not be read: not authorized';
    expect(await written(many.slice(0, 5), undefined, note)).toBe(expected(many.slice(0, 5), undefined, note));
  });
});
