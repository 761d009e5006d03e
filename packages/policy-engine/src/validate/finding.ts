// The validation result model, after IAM Access Analyzer's ValidatePolicyFinding: a finding type, an issue
// code (Access Analyzer's own where one exists), a sentence for people, and the source range to underline.
import type { SourceRange } from '../source/source-text.ts';
import type { Catalog } from '../catalog/catalog.ts';

export type FindingType = 'ERROR' | 'SECURITY_WARNING' | 'WARNING' | 'SUGGESTION';

export interface Finding {
  findingType: FindingType;
  issueCode: string;
  message: string;
  learnMoreLink?: string;
  range: SourceRange;
}

/** The document a policy is: the checks and the size quota depend on it. */
export type PolicyKind = 'identity' | 'trust' | 'boundary' | 'resource';

export const POLICY_KINDS: readonly PolicyKind[] = ['identity', 'trust', 'boundary', 'resource'];

export interface ValidateOptions {
  kind: PolicyKind;
  /** For an inline identity policy: the entity it is embedded in (sets the size quota). Omit for managed policies. */
  inlineFor?: 'user' | 'group' | 'role';
  /** Enables the catalog-backed checks (services, actions, condition keys, resource types). */
  catalog?: Catalog;
}

/** Findings sorted the way an editor lists them: by position, then by severity. */
export function sortFindings(findings: Finding[]): Finding[] {
  const rank: Record<FindingType, number> = { ERROR: 0, SECURITY_WARNING: 1, WARNING: 2, SUGGESTION: 3 };
  return findings.sort((a, b) => a.range.offset - b.range.offset || rank[a.findingType] - rank[b.findingType]);
}
