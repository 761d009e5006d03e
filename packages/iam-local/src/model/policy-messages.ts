// IAM's MalformedPolicyDocument sentences, keyed by the policy engine's issue codes. The validator's own messages
// are written for people editing a policy; a client of the API sees what AWS says instead. The table is in the
// order IAM checks (syntax, then statement content, then values), so the first mapped finding by that order is
// the one reported; an error the table does not know keeps the validator's sentence.
import type { Finding } from '@iam-console/policy-engine/validate/finding.ts';

export const SYNTAX_ERRORS = 'Syntax errors in policy.';
export const INVALID_VERSION = 'The policy must contain a valid version string';
/** An Effect of the wrong case ("allow") passes IAM's syntax check and fails the next one (as moto has it). */
export const LEGACY_PARSING = 'The policy failed legacy parsing';
export const MISSING_ACTIONS = 'Policy statement must contain actions.';
export const MISSING_RESOURCES = 'Policy statement must contain resources.';
export const PRINCIPAL_NOT_ALLOWED = 'Policy document should not specify a principal.';
export const MISSING_PRINCIPAL = 'Missing required field Principal';
export const PROHIBITED_RESOURCE = 'Has prohibited field Resource';

/** What a mapping may read besides the issue code: the string value the finding points at, if it is one. */
export interface FindingFacts {
  value: string | undefined;
  /** The principal type (AWS, Service, …) whose list holds `value`, for principal findings. */
  principalType: string | undefined;
}

type AwsMessage = (facts: FindingFacts) => string | undefined;

const always = (message: string): AwsMessage => () => message;

function vendorMessage({ value }: FindingFacts): string | undefined {
  if (value === undefined) return undefined;
  const colons = value.split(':').length - 1;
  if (colons === 0) return 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.';
  if (colons > 1) return 'Actions/Condition can contain only one colon.';
  const vendor = value.slice(0, value.indexOf(':'));
  return /[^a-zA-Z0-9.-]/.test(vendor) && vendor !== '*' ? `Vendor ${vendor} is not valid` : undefined;
}

function arnFormatMessage({ value }: FindingFacts): string | undefined {
  // With a colon IAM goes on to parse partition and service, with messages of its own we do not model.
  return value !== undefined && !value.includes(':') ? `Resource ${value} must be in ARN format or "*".` : undefined;
}

function invalidPrincipal({ value, principalType }: FindingFacts): string | undefined {
  if (value === undefined || principalType === undefined) return undefined;
  return `Invalid principal in policy: ${JSON.stringify(principalType.toUpperCase())}:${JSON.stringify(value)}`;
}

/** Issue code → AWS's message, in IAM's order of checking. */
export const AWS_POLICY_MESSAGES: ReadonlyArray<readonly [issueCode: string, message: AwsMessage]> = [
  ['JSON_SYNTAX_ERROR', always(SYNTAX_ERRORS)],
  ['DATA_TYPE_MISMATCH', always(SYNTAX_ERRORS)],
  ['INVALID_POLICY_ELEMENT', always(SYNTAX_ERRORS)],
  ['DUPLICATE_KEYS_WITH_DIFFERENT_CASE', always(SYNTAX_ERRORS)],
  ['MISSING_STATEMENT', always(SYNTAX_ERRORS)],
  ['MISSING_EFFECT', always(SYNTAX_ERRORS)],
  ['INVALID_EFFECT', always(SYNTAX_ERRORS)],
  ['UNSUPPORTED_ELEMENT_COMBINATION', always(SYNTAX_ERRORS)],
  ['INVALID_VERSION', always(INVALID_VERSION)],
  ['UNSUPPORTED_PRINCIPAL', always(PRINCIPAL_NOT_ALLOWED)],
  ['MISSING_PRINCIPAL', always(MISSING_PRINCIPAL)],
  ['ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE', always(PROHIBITED_RESOURCE)],
  ['UNIQUE_SIDS_REQUIRED', always('Statement IDs (SID) in a single policy must be unique.')],
  ['UNSUPPORTED_SID', always('Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*')],
  ['MISSING_ACTION', always(MISSING_ACTIONS)],
  ['MISSING_RESOURCE', always(MISSING_RESOURCES)],
  ['INVALID_ARN_PREFIX', arnFormatMessage],
  ['INVALID_ACTION', vendorMessage],
  ['INVALID_PRINCIPAL_FORMAT', invalidPrincipal],
  ['INVALID_SERVICE_PRINCIPAL_FORMAT', invalidPrincipal],
  ['UNSUPPORTED_WILDCARD_IN_PRINCIPAL', invalidPrincipal],
];

const RANK = new Map(AWS_POLICY_MESSAGES.map(([code], index) => [code, index]));
const MESSAGE = new Map(AWS_POLICY_MESSAGES);

/** The JSON string the finding's range covers in `document`, if that is what it covers. */
function stringAt(document: string, finding: Finding): string | undefined {
  try {
    const value: unknown = JSON.parse(document.slice(finding.range.offset, finding.range.offset + finding.range.length));
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** The type (key of the Principal object) under which some statement lists `value`. */
function principalTypeOf(document: string, value: string): string | undefined {
  let policy: unknown;
  try {
    policy = JSON.parse(document);
  } catch {
    return undefined;
  }
  for (const statement of asArray((policy as { Statement?: unknown } | null)?.Statement)) {
    for (const element of ['Principal', 'NotPrincipal']) {
      const principal = (statement as Record<string, unknown> | null)?.[element];
      if (typeof principal !== 'object' || principal === null) continue;
      for (const [type, values] of Object.entries(principal)) if (asArray(values).includes(value)) return type;
    }
  }
  return undefined;
}

/**
 * The message IAM would answer for these validator errors: AWS's sentence for the first of them in IAM's order
 * (unmapped codes last), or that finding's own message where we do not know AWS's; undefined for no errors.
 */
export function awsMalformedMessage(document: string, errors: readonly Finding[]): string | undefined {
  const first = [...errors].sort((a, b) => (RANK.get(a.issueCode) ?? RANK.size) - (RANK.get(b.issueCode) ?? RANK.size))[0];
  if (!first) return undefined;
  const value = stringAt(document, first);
  const facts = { value, principalType: value === undefined ? undefined : principalTypeOf(document, value) };
  return MESSAGE.get(first.issueCode)?.(facts) ?? first.message;
}
