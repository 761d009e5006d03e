// /api/credential-report: IAM's credential report (IAM User Guide, "Getting credential reports for your AWS account").
import { z } from 'zod';
import { isoDate } from './fields.ts';

/** GenerateCredentialReport's states: STARTED, then INPROGRESS while IAM builds the report, then COMPLETE. */
export const reportState = z.enum(['STARTED', 'INPROGRESS', 'COMPLETE']);
export type ReportState = z.infer<typeof reportState>;

export const generateReportAnswer = z.strictObject({
  state: reportState,
  /** IAM's own words, e.g. "No report exists. Starting a new report generation task". */
  description: z.string().optional(),
});
export type GenerateReportAnswer = z.infer<typeof generateReportAnswer>;

export const credentialReportAnswer = z.strictObject({
  generatedTime: isoDate,
  /** `text/csv` */
  reportFormat: z.string(),
  /** The CSV exactly as IAM returned it (GetCredentialReport's Content, base64-decoded, UTF-8). */
  content: z.string(),
});
export type CredentialReportAnswer = z.infer<typeof credentialReportAnswer>;

/** IAM regenerates the report at most this often; within it, the last report is handed out again. */
export const REPORT_REUSE_MS = 4 * 60 * 60 * 1000;

/** The report's 22 columns, in IAM's order (IAM User Guide, "Understanding the report format"). */
export const CREDENTIAL_REPORT_COLUMNS = [
  'user', 'arn', 'user_creation_time', 'password_enabled', 'password_last_used', 'password_last_changed',
  'password_next_rotation', 'mfa_active', 'access_key_1_active', 'access_key_1_last_rotated',
  'access_key_1_last_used_date', 'access_key_1_last_used_region', 'access_key_1_last_used_service',
  'access_key_2_active', 'access_key_2_last_rotated', 'access_key_2_last_used_date', 'access_key_2_last_used_region',
  'access_key_2_last_used_service', 'cert_1_active', 'cert_1_last_rotated', 'cert_2_active', 'cert_2_last_rotated',
] as const;
export type CredentialReportColumn = (typeof CREDENTIAL_REPORT_COLUMNS)[number];
/** One report line, by column name (cells as IAM wrote them: `true`, `N/A`, `no_information`, ISO 8601, …). */
export type CredentialReportRow = Record<string, string>;

/** The root user's line is named so in the `user` column. */
export const ROOT_ACCOUNT = '<root_account>';

/** `2026-12-07T00_16_25`: a time in UTC for a file name (colons become underscores, which every file system takes). */
export function fileStamp(when: Date): string {
  const iso = when.toISOString();
  return `${iso.slice(0, 10)}T${iso.slice(11, 19).replaceAll(':', '_')}`;
}

/**
 * The file name the AWS console gives a downloaded report, `status_reports_<date>T<time>.csv` (IAM User Guide,
 * "Getting credential reports for your AWS account"), from the report's generation time.
 */
export function reportFileName(generated: Date, suffix = ''): string {
  return `status_reports_${fileStamp(generated)}${suffix}.csv`;
}
