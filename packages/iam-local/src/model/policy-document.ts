// Checks a policy document before it is stored. The common mistakes get IAM's own messages from a quick check
// here; then the policy engine's validator (grammar, ARNs, principals, conditions, variables) rejects anything
// else IAM would, with its finding's sentence. Sizes are checked by the callers against IAM's quota wording.
import { IamError } from '../protocol/operation.ts';
import { validatePolicy } from '@iam-console/policy-engine/validate/validate-policy.ts';

export type DocumentKind = 'identity' | 'trust';

const VERSIONS = new Set(['2012-10-17', '2008-10-17']);

function malformed(message: string): never {
  throw new IamError('MalformedPolicyDocument', message);
}

/** Size as IAM counts it against quotas: characters without whitespace. */
export function policySize(document: string): number {
  return document.replace(/\s+/g, '').length;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** Throws MalformedPolicyDocument unless `document` is a well-formed policy of the given kind. */
export function assertPolicyDocument(document: string, kind: DocumentKind): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    malformed('Syntax errors in policy.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) malformed('Syntax errors in policy.');
  const policy = parsed as Record<string, unknown>;
  if ('Version' in policy && !VERSIONS.has(policy.Version as string)) malformed('The policy must contain a valid version string');
  if (!('Statement' in policy)) malformed('Syntax errors in policy.');
  const statements = asArray(policy.Statement);
  if (statements.length === 0) malformed('Syntax errors in policy.');
  for (const raw of statements) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) malformed('Syntax errors in policy.');
    const statement = raw as Record<string, unknown>;
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') malformed('Syntax errors in policy.');
    if (!('Action' in statement) && !('NotAction' in statement)) malformed('Policy statement must contain actions.');
    if (kind === 'identity') {
      if ('Principal' in statement || 'NotPrincipal' in statement) malformed('Policy document should not specify a principal.');
      if (!('Resource' in statement) && !('NotResource' in statement)) malformed('Policy statement must contain resources.');
    } else {
      if ('Resource' in statement || 'NotResource' in statement) malformed('Has prohibited field Resource');
      if (!('Principal' in statement) && !('NotPrincipal' in statement)) malformed('AssumeRolepolicy contained an invalid principal element');
    }
  }
  const error = validatePolicy(document, { kind }).find(
    (finding) => finding.findingType === 'ERROR' && !finding.issueCode.startsWith('POLICY_SIZE_'),
  );
  if (error) malformed(error.message);
}
