// IAM's verdict on a policy document, from the validator's findings: the one table that says which findings
// IAM refuses on save (MalformedPolicyDocument) and in which words. IAM reports one problem, the first in its
// own order of checking: syntax, the managed-policy Version, its legacy parser (Effect case, date values,
// truncated ARNs), Sids, actions present, resource formats, action vendors, resources present, then the
// role-trust checks. The wordings are real AWS's answers as public test suites recorded them (moto's IAM policy
// tests, LocalStack's IAM snapshots); the packages/iam-local README lists those that are still our guess.
// Every ERROR finding type is a refusal (test/iam-verdict.test.ts keeps CHECKS and this table in step), except
// the size quotas, which IAM refuses with LimitExceeded and the caller checks.
import type { Node } from 'jsonc-parser';
import { parseSource, statementNodes } from '../source/source-text.ts';
import { IAM_RESOURCE_TYPES } from './arn-format.ts';
import type { IssueCode } from './checks.ts';
import type { Finding, PolicyKind } from './finding.ts';

export const SYNTAX_ERRORS = 'Syntax errors in policy.';
export const TRUST_INVALID_JSON = 'This policy contains invalid Json';
export const VERSION_REQUIRED = 'Policy document must be version 2012-10-17 or greater.';
export const LEGACY_PARSING = 'The policy failed legacy parsing';
export const MISSING_ACTIONS = 'Policy statement must contain actions.';
export const MISSING_RESOURCES = 'Policy statement must contain resources.';
export const PRINCIPAL_NOT_ALLOWED = 'Policy document should not specify a principal.';
export const NO_PRINCIPALS = 'Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!';
export const PROHIBITED_RESOURCE = 'Has prohibited field Resource';
export const TRUST_ACTIONS_ONLY = 'AssumeRole policy may only specify STS AssumeRole actions.';

/** IAM's checks, in the order it runs them. */
const STAGES = ['syntax', 'version', 'legacy', 'principal', 'sid', 'actions', 'resourceFormat', 'vendor', 'resources', 'trust', 'principalValue'] as const;
type Stage = (typeof STAGES)[number];

/** What a message may read besides the issue code. */
interface Facts {
  /** The string the finding underlines, if it underlines one. */
  value: string | undefined;
  /** For principal findings: the principal type (AWS, Service…) whose list holds `value`. */
  principalType: string | undefined;
  kind: PolicyKind;
}

type Rule = (facts: Facts) => { stage: Stage; message: string };

const at = (stage: Stage, message: string): Rule => () => ({ stage, message });

function effect({ value }: Facts): { stage: Stage; message: string } {
  // "allow" passes the syntax check (case-insensitive) and fails the legacy parser (case-sensitive).
  return value !== undefined && /^(allow|deny)$/i.test(value) ? { stage: 'legacy', message: LEGACY_PARSING } : { stage: 'syntax', message: SYNTAX_ERRORS };
}

function vendor({ value = '' }: Facts): { stage: Stage; message: string } {
  const parts = value.split(':');
  if (parts.length === 1) return { stage: 'vendor', message: 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.' };
  if (parts.length > 2) return { stage: 'vendor', message: 'Actions/Condition can contain only one colon.' };
  return { stage: 'vendor', message: `Vendor ${parts[0]} is not valid` };
}

/** IAM names the resource as an ARN of six fields, "*" for those the text lacks. */
function partition({ value = '' }: Facts): { stage: Stage; message: string } {
  const fields = value.split(':');
  const name = fields[1] ?? '';
  const rest = fields.length > 2 ? fields.slice(2) : [''];
  const first = rest[0] !== '' || rest.length > 1 ? rest[0] : '*';
  const arn = [first, rest[1] ?? '*', rest[2] ?? '*', rest.length > 3 ? rest.slice(3).join(':') : '*'].join(':');
  return { stage: 'resourceFormat', message: `Partition "${name}" is not valid for resource "arn:${name}:${arn}".` };
}

function regionRefused({ value = '' }: Facts): { stage: Stage; message: string } {
  const iam = value.split(':')[2] === 'iam';
  return { stage: 'resourceFormat', message: iam ? `IAM resource ${value} cannot contain region information.` : `Resource ${value} can not contain region information.` };
}

/**
 * IAM's refusal of one principal value, e.g. `Invalid principal in policy: "AWS":"arn:aws:iam::123456789012:role/x"`
 * (also its answer for a user or role ARN that does not exist, which only the endpoint holding the account can tell).
 */
export function invalidPrincipalMessage(principalType: string, value: string): string {
  return `Invalid principal in policy: ${JSON.stringify(principalType.toUpperCase())}:${JSON.stringify(value)}`;
}

function invalidPrincipal({ value, principalType }: Facts): { stage: Stage; message: string } {
  return { stage: 'principalValue', message: invalidPrincipalMessage(principalType ?? 'AWS', value ?? '') };
}

/** Issue code → IAM's stage and message. Codes of type ERROR not listed here keep the validator's sentence, last. */
export const IAM_REFUSALS: Readonly<Partial<Record<IssueCode, Rule>>> = {
  JSON_SYNTAX_ERROR: ({ kind }) => ({ stage: 'syntax', message: kind === 'trust' ? TRUST_INVALID_JSON : SYNTAX_ERRORS }),
  DATA_TYPE_MISMATCH: at('syntax', SYNTAX_ERRORS),
  INVALID_POLICY_ELEMENT: at('syntax', SYNTAX_ERRORS),
  DUPLICATE_KEYS_WITH_DIFFERENT_CASE: at('syntax', SYNTAX_ERRORS),
  MISSING_STATEMENT: at('syntax', SYNTAX_ERRORS),
  MISSING_EFFECT: at('syntax', SYNTAX_ERRORS),
  INVALID_EFFECT: effect,
  UNSUPPORTED_ELEMENT_COMBINATION: at('syntax', SYNTAX_ERRORS),
  INVALID_VERSION: at('syntax', SYNTAX_ERRORS),
  INVALID_CONDITION_OPERATOR: at('syntax', SYNTAX_ERRORS),
  INVALID_CONDITION_DATA_TYPE: at('syntax', SYNTAX_ERRORS),
  INVALID_PRINCIPAL_KEY: at('syntax', SYNTAX_ERRORS),
  MANAGED_POLICY_VERSION_REQUIRED: at('version', VERSION_REQUIRED),
  INVALID_DATE_CONDITION_VALUE: at('legacy', LEGACY_PARSING),
  MALFORMED_ARN: at('legacy', LEGACY_PARSING),
  UNSUPPORTED_PRINCIPAL: at('principal', PRINCIPAL_NOT_ALLOWED),
  ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL: at('principal', SYNTAX_ERRORS),
  UNIQUE_SIDS_REQUIRED: at('sid', 'Statement IDs (SID) in a single policy must be unique.'),
  UNSUPPORTED_SID: at('sid', 'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*'),
  MISSING_ACTION: at('actions', MISSING_ACTIONS),
  EMPTY_ARRAY_ACTION: at('actions', MISSING_ACTIONS),
  EMPTY_ARRAY_NOT_ACTION: at('actions', MISSING_ACTIONS),
  MISSING_RESOURCE: at('resources', MISSING_RESOURCES),
  EMPTY_ARRAY_RESOURCE: at('resources', MISSING_RESOURCES),
  EMPTY_ARRAY_NOT_RESOURCE: at('resources', MISSING_RESOURCES),
  INVALID_ARN_PREFIX: ({ value }) => ({ stage: 'resourceFormat', message: `Resource ${value ?? ''} must be in ARN format or "*".` }),
  INVALID_PARTITION: partition,
  INVALID_ARN_VENDOR: at('resourceFormat', 'Resource vendor must be fully qualified and cannot contain regexes.'),
  ARN_REGION_REFUSED: regionRefused,
  INVALID_IAM_RESOURCE_PATH: at('resourceFormat', `IAM resource path must either be "*", root, or start with ${IAM_RESOURCE_TYPES.join(', ')}.`),
  INVALID_ACTION: vendor,
  UNSUPPORTED_ACTION_IN_POLICY: at('trust', TRUST_ACTIONS_ONLY),
  ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE: at('trust', PROHIBITED_RESOURCE),
  MISSING_PRINCIPAL: at('trust', NO_PRINCIPALS),
  INVALID_PRINCIPAL_FORMAT: invalidPrincipal,
  INVALID_SERVICE_PRINCIPAL_FORMAT: invalidPrincipal,
  UNSUPPORTED_WILDCARD_IN_PRINCIPAL: invalidPrincipal,
};

/** Findings IAM answers with another error than MalformedPolicyDocument (LimitExceeded), checked by the caller. */
export function isSizeFinding(finding: Finding): boolean {
  return finding.issueCode.startsWith('POLICY_SIZE_');
}

/** The JSON string the finding's range covers in `document`, if that is what it covers. */
function stringAt(document: string, finding: Finding): string | undefined {
  try {
    const value: unknown = JSON.parse(document.slice(finding.range.offset, finding.range.offset + finding.range.length));
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

const contains = (node: Node, offset: number): boolean => offset >= node.offset && offset < node.offset + node.length;

/** Where a finding sits: its statement's index and the element (property name) holding it. */
function placeOf(statements: readonly Node[], offset: number): { statement: number; element: string | undefined } {
  const statement = statements.findIndex((node) => contains(node, offset));
  const property = statements[statement]?.children?.find((child) => contains(child, offset));
  const key = property?.children?.[0]?.value;
  return { statement, element: typeof key === 'string' ? key : undefined };
}

/** The principal type (AWS, Service…) of the Principal entry at `offset`. */
function principalTypeAt(statements: readonly Node[], offset: number): string | undefined {
  const { statement } = placeOf(statements, offset);
  const principal = statements[statement]?.children?.find((child) => contains(child, offset));
  const typeProperty = principal?.children?.[1]?.children?.find((child) => contains(child, offset));
  const key = typeProperty?.children?.[0]?.value;
  return typeof key === 'string' ? key : undefined;
}

interface Candidate {
  finding: Finding;
  stage: number;
  message: string;
}

/**
 * Of several bad resources IAM names the last one it reads: every statement's Resource, then every statement's
 * NotResource, each list in reverse lexical order (as moto's model of IAM has it, after AWS's answers).
 */
function lastResourceRead(document: string, statements: readonly Node[], candidates: readonly Candidate[]): Candidate {
  const key = (candidate: Candidate): [number, number, string] => {
    const place = placeOf(statements, candidate.finding.range.offset);
    return [place.element === 'NotResource' ? 1 : 0, place.statement, stringAt(document, candidate.finding) ?? ''];
  };
  return candidates.reduce((best, next) => {
    const [a, b] = [key(best), key(next)];
    const later = a[0] !== b[0] ? b[0] > a[0] : a[1] !== b[1] ? b[1] > a[1] : b[2] <= a[2];
    return later ? next : best;
  });
}

/**
 * What IAM answers when asked to save this document: undefined when it accepts it, else the message of its
 * MalformedPolicyDocument error. `findings` are validatePolicy's for the same text and kind; size findings are
 * left to the caller (IAM answers LimitExceeded for them).
 */
export function iamRefusal(document: string, findings: readonly Finding[], kind: PolicyKind): string | undefined {
  const errors = findings.filter((finding) => finding.findingType === 'ERROR' && !isSizeFinding(finding));
  if (errors.length === 0) return undefined;
  const tree = parseSource(document).tree;
  const statements = tree ? statementNodes(tree) : [];
  const candidates: Candidate[] = errors.map((finding) => {
    const value = stringAt(document, finding);
    const rule = IAM_REFUSALS[finding.issueCode as IssueCode];
    const facts = { value, principalType: value === undefined ? undefined : principalTypeAt(statements, finding.range.offset), kind };
    const verdict = rule?.(facts);
    return { finding, stage: verdict ? STAGES.indexOf(verdict.stage) : STAGES.length, message: verdict?.message ?? finding.message };
  });
  const first = Math.min(...candidates.map((c) => c.stage));
  const atFirst = candidates.filter((c) => c.stage === first);
  if (STAGES[first] === 'resourceFormat') return lastResourceRead(document, statements, atFirst).message;
  return atFirst.sort((a, b) => a.finding.range.offset - b.finding.range.offset)[0]!.message;
}
