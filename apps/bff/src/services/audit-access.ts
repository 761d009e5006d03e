// Who may read the console's audit log: whoever IAM lets read the credential report (iam:GetCredentialReport,
// the auditor's permission), asked of IAM itself with the caller's own credentials.
import { GetCredentialReportCommand } from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import { isAwsCode } from './shape.ts';

/** A yes is trusted for this long per session before IAM is asked again. */
export const AUDIT_ACCESS_RECHECK_MS = 5 * 60_000;

// GetCredentialReport's answers for "no report to give you yet" (IAM API Reference, GetCredentialReport,
// Errors: CredentialReportNotPresent, CredentialReportExpired, CredentialReportNotReady): IAM gives them only to
// a caller it has authorized for the action. Any other error, AccessDenied or not, is no yes.
const NO_REPORT_YET = ['ReportNotPresent', 'ReportExpired', 'ReportInProgress'];

export interface AuditAccessMemo {
  /** When IAM last confirmed this caller may read the audit log. */
  auditReadAllowedAt?: number;
}

/**
 * Resolves when the caller may read the audit log; otherwise rejects with the error IAM (or the network)
 * gave, so the caller gets that refusal and never the entries.
 */
export async function ensureMayReadAudit(iam: IAMClient, memo: AuditAccessMemo, now: number): Promise<void> {
  const checkedAt = memo.auditReadAllowedAt;
  if (checkedAt !== undefined && now - checkedAt >= 0 && now - checkedAt < AUDIT_ACCESS_RECHECK_MS) return;
  try {
    await iam.send(new GetCredentialReportCommand({}));
  } catch (err) {
    if (!isAwsCode(err, ...NO_REPORT_YET)) throw err;
  }
  memo.auditReadAllowedAt = now;
}
