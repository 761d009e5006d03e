// Checks a policy document before it is stored, as IAM does on save: the policy engine's validator finds the
// problems and its IAM verdict table (policy-engine/src/validate/iam-verdict.ts) says which of them IAM refuses
// and in which words, so this endpoint and `policy-check` agree on every document. Sizes are checked by the
// callers against IAM's quota wording (LimitExceeded).
import { IamError } from '../errors.ts';
import { LARGE_DOCUMENT, validatePolicy } from '@iam-console/policy-engine/validate/validate-policy.ts';
import { iamRefusal, SYNTAX_ERRORS } from '@iam-console/policy-engine/validate/iam-verdict.ts';
import type { ValidateOptions } from '@iam-console/policy-engine/validate/finding.ts';

/**
 * A managed policy (CreatePolicy, CreatePolicyVersion) must be in the 2012-10-17 language; an inline policy,
 * a session policy or a simulator input may be older; a role trust policy has a principal and no resource.
 */
export type DocumentKind = 'managed' | 'inline' | 'trust';

const OPTIONS: Record<DocumentKind, ValidateOptions> = {
  managed: { kind: 'identity' },
  // The inline quota is the caller's (it depends on the other inline policies); any entity type will do here.
  inline: { kind: 'identity', inlineFor: 'role' },
  trust: { kind: 'trust' },
};

function malformed(message: string): never {
  throw new IamError('MalformedPolicyDocument', message);
}

/** Size as IAM counts it against quotas: characters without whitespace. */
export function policySize(document: string): number {
  return document.replace(/\s+/g, '').length;
}

/** Throws MalformedPolicyDocument, in IAM's words, unless IAM would accept `document` as a policy of this kind. */
export function assertPolicyDocument(document: string, kind: DocumentKind): void {
  const message = iamRefusal(document, validatePolicy(document, OPTIONS[kind]), OPTIONS[kind].kind);
  if (message !== undefined) malformed(message);
  // Beyond every quota the validator reads only the JSON syntax; the caller's size check refuses such a document,
  // and until then nothing may take it for a policy unless it is at least an object.
  if (document.length > LARGE_DOCUMENT) {
    const parsed: unknown = JSON.parse(document);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) malformed(SYNTAX_ERRORS);
  }
}
