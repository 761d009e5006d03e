// Findings of the policy engine as Monaco markers: 1-based lines and columns, a severity per finding type.
// Plain data (Monaco's MarkerSeverity values), so the mapping is testable without Monaco.
import type { Finding, FindingType } from '@iam-console/policy-engine/validate/finding.ts';

/** monaco.MarkerSeverity: Hint 1, Info 2, Warning 4, Error 8. */
export const SEVERITY: Record<FindingType, 1 | 2 | 4 | 8> = { ERROR: 8, SECURITY_WARNING: 8, WARNING: 4, SUGGESTION: 2 };

export interface PolicyMarker {
  severity: 1 | 2 | 4 | 8;
  message: string;
  code: string;
  source: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

export const FINDING_TYPE_LABEL: Record<FindingType, string> = {
  SECURITY_WARNING: 'Security',
  ERROR: 'Errors',
  WARNING: 'Warnings',
  SUGGESTION: 'Suggestions',
};

export function toMarker(finding: Finding): PolicyMarker {
  const { start, end } = finding.range;
  return {
    severity: SEVERITY[finding.findingType],
    message: finding.message,
    code: finding.issueCode,
    source: finding.findingType === 'SECURITY_WARNING' ? 'Security warning' : 'IAM policy',
    startLineNumber: start.line + 1,
    startColumn: start.column + 1,
    endLineNumber: end.line + 1,
    endColumn: end.column + 1,
  };
}

/** Findings by type, in the order the panel shows them (security first, as the IAM console's policy validator does). */
export function groupFindings<F extends Finding>(findings: readonly F[]): { type: FindingType; label: string; findings: F[] }[] {
  const order: FindingType[] = ['SECURITY_WARNING', 'ERROR', 'WARNING', 'SUGGESTION'];
  return order.map((type) => ({ type, label: FINDING_TYPE_LABEL[type], findings: findings.filter((f) => f.findingType === type) }));
}
