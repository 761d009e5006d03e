// Checks a policy document before it is stored. A quick structural check comes first (it also guards the evaluator
// from documents too large for the validator's full grammar); then the policy engine's validator (grammar, Sids,
// ARNs, principals, conditions, variables) rejects anything else IAM would, answered in AWS's words where known
// (policy-messages.ts). Sizes are checked by the callers against IAM's quota wording.
import { IamError } from '../errors.ts';
import { validatePolicy } from '@iam-console/policy-engine/validate/validate-policy.ts';
import {
  awsMalformedMessage,
  INVALID_VERSION,
  LEGACY_PARSING,
  MISSING_ACTIONS,
  MISSING_PRINCIPAL,
  MISSING_RESOURCES,
  PRINCIPAL_NOT_ALLOWED,
  PROHIBITED_RESOURCE,
  SYNTAX_ERRORS,
} from './policy-messages.ts';

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
    malformed(SYNTAX_ERRORS);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) malformed(SYNTAX_ERRORS);
  const policy = parsed as Record<string, unknown>;
  if ('Version' in policy && !VERSIONS.has(policy.Version as string)) malformed(INVALID_VERSION);
  if (!('Statement' in policy)) malformed(SYNTAX_ERRORS);
  const statements = asArray(policy.Statement);
  if (statements.length === 0) malformed(SYNTAX_ERRORS);
  for (const raw of statements) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) malformed(SYNTAX_ERRORS);
    const statement = raw as Record<string, unknown>;
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') {
      malformed(typeof statement.Effect === 'string' && /^(allow|deny)$/i.test(statement.Effect) ? LEGACY_PARSING : SYNTAX_ERRORS);
    }
    if (!('Action' in statement) && !('NotAction' in statement)) malformed(MISSING_ACTIONS);
    if (kind === 'identity') {
      if ('Principal' in statement || 'NotPrincipal' in statement) malformed(PRINCIPAL_NOT_ALLOWED);
      if (!('Resource' in statement) && !('NotResource' in statement)) malformed(MISSING_RESOURCES);
    } else {
      if ('Resource' in statement || 'NotResource' in statement) malformed(PROHIBITED_RESOURCE);
      if (!('Principal' in statement) && !('NotPrincipal' in statement)) malformed(MISSING_PRINCIPAL);
    }
  }
  const errors = validatePolicy(document, { kind }).filter(
    (finding) => finding.findingType === 'ERROR' && !finding.issueCode.startsWith('POLICY_SIZE_'),
  );
  const message = awsMalformedMessage(document, errors);
  if (message !== undefined) malformed(message);
}
