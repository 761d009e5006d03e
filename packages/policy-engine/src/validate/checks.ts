// Every check the validator runs, in one table: its issue code, finding type, the kinds of policy it applies
// to, and whether the code is IAM Access Analyzer's own (then the learn-more link points at Access Analyzer's
// check reference) or ours.
import { POLICY_KINDS, type FindingType, type PolicyKind } from './finding.ts';

export interface CheckDefinition {
  type: FindingType;
  /** True when IAM Access Analyzer reports the same issue under this code. */
  accessAnalyzer: boolean;
  /** What the check looks for, for the README and tooling. */
  summary: string;
  /** The kinds of policy the check can report on (test/validate-checks.test.ts holds the validator to it). */
  kinds: readonly PolicyKind[];
}

type Kinds = readonly PolicyKind[];
const ALL: Kinds = POLICY_KINDS;
/** Policies attached to a principal: no Principal element, Resource required. */
const ATTACHED: Kinds = ['identity', 'boundary'];
/** Policies that name their principals: role trust and resource-based policies. */
const WITH_PRINCIPAL: Kinds = ['trust', 'resource'];
/** Policies with a Resource element (a role trust policy has none). */
const WITH_RESOURCE: Kinds = ['identity', 'boundary', 'resource'];

const aa = (type: FindingType, summary: string, kinds: Kinds = ALL): CheckDefinition => ({ type, accessAnalyzer: true, summary, kinds });
const own = (type: FindingType, summary: string, kinds: Kinds = ALL): CheckDefinition => ({ type, accessAnalyzer: false, summary, kinds });

export const CHECKS = {
  // Grammar
  JSON_SYNTAX_ERROR: aa('ERROR', 'The text is not valid JSON (or nests absurdly deep).'),
  DATA_TYPE_MISMATCH: aa('ERROR', 'An element has the wrong JSON type (e.g. Effect is a number, the policy is an array).'),
  INVALID_POLICY_ELEMENT: aa('ERROR', 'An unknown or misplaced element, with a "did you mean" for case mistakes.'),
  DUPLICATE_KEYS_WITH_DIFFERENT_CASE: aa('ERROR', 'The same element twice, spelled with different case.'),
  DUPLICATE_KEY: own('WARNING', 'The same key twice in one object: only the last one counts.'),
  MISSING_VERSION: aa('WARNING', 'No Version element in an inline, trust or resource policy: IAM assumes 2008-10-17 and disables policy variables.', ['identity', 'trust', 'resource']),
  INVALID_VERSION: aa('ERROR', 'Version is not 2012-10-17 or 2008-10-17.'),
  MANAGED_POLICY_VERSION_REQUIRED: own('ERROR', 'A managed policy or permissions boundary without Version 2012-10-17 (IAM requires it for managed policies).', ATTACHED),
  OUTDATED_VERSION: own('SUGGESTION', 'Version 2008-10-17 in an inline, trust or resource policy: use 2012-10-17 to enable policy variables.', ['identity', 'trust', 'resource']),
  MISSING_STATEMENT: aa('ERROR', 'No Statement element, or an empty one.'),
  INVALID_EFFECT: aa('ERROR', 'Effect is neither Allow nor Deny.'),
  MISSING_EFFECT: aa('ERROR', 'A statement without Effect.'),
  MISSING_ACTION: aa('ERROR', 'A statement without Action or NotAction.'),
  MISSING_RESOURCE: aa('ERROR', 'A statement without Resource or NotResource (identity, boundary and resource policies).', WITH_RESOURCE),
  MISSING_PRINCIPAL: aa('ERROR', 'A trust or resource policy statement without Principal or NotPrincipal, or whose Principal names no one (empty lists only).', WITH_PRINCIPAL),
  UNSUPPORTED_PRINCIPAL: aa('ERROR', 'Principal or NotPrincipal in an identity policy or permissions boundary.', ATTACHED),
  UNSUPPORTED_ELEMENT_COMBINATION: aa('ERROR', 'Action with NotAction, Resource with NotResource, or Principal with NotPrincipal.'),
  ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE: aa('ERROR', 'Resource or NotResource in a role trust policy.', ['trust']),
  ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL: aa('ERROR', 'NotPrincipal in a role trust policy.', ['trust']),
  UNIQUE_SIDS_REQUIRED: aa('ERROR', 'Two statements of an identity policy share a Sid.', ATTACHED),
  UNIQUE_SIDS_RECOMMENDED: aa('WARNING', 'Two statements of a trust or resource policy share a Sid.', WITH_PRINCIPAL),
  UNSUPPORTED_SID: aa('ERROR', 'A Sid with characters other than A-Z, a-z and 0-9 (identity policies, boundaries, trust policies).', ['identity', 'boundary', 'trust']),
  EMPTY_SID_VALUE: aa('SUGGESTION', 'An empty Sid.'),
  EMPTY_ARRAY_ACTION: aa('ERROR', 'Action is an empty array: IAM refuses it (the statement must contain one).'),
  EMPTY_ARRAY_NOT_ACTION: own('ERROR', 'NotAction is an empty array: IAM refuses it.'),
  EMPTY_ARRAY_RESOURCE: aa('ERROR', 'Resource is an empty array: IAM refuses it (the statement must contain one).', WITH_RESOURCE),
  EMPTY_ARRAY_NOT_RESOURCE: own('ERROR', 'NotResource is an empty array: IAM refuses it.', WITH_RESOURCE),
  EMPTY_ARRAY_PRINCIPAL: aa('SUGGESTION', 'A principal list is empty.', WITH_PRINCIPAL),
  EMPTY_OBJECT_PRINCIPAL: aa('SUGGESTION', 'Principal is an empty object.', WITH_PRINCIPAL),
  INVALID_PRINCIPAL_KEY: aa('ERROR', 'A principal type other than AWS, Service, Federated or CanonicalUser.', WITH_PRINCIPAL),
  INVALID_PRINCIPAL_FORMAT: aa('ERROR', 'A principal value that is not "*", an account ID or an ARN.', WITH_PRINCIPAL),
  INVALID_SERVICE_PRINCIPAL_FORMAT: aa('ERROR', 'A service principal that is not a service domain such as ec2.amazonaws.com.', WITH_PRINCIPAL),
  UNSUPPORTED_WILDCARD_IN_PRINCIPAL: aa('ERROR', 'A wildcard inside a principal ARN (only a bare "*" is allowed).', WITH_PRINCIPAL),
  MISMATCHED_ACTION_FOR_PRINCIPAL: aa('WARNING', 'A federated principal with sts:AssumeRole, or an AWS/service principal with a federation-only action (IAM accepts it on save; no one can assume the role so).', ['trust']),
  UNSUPPORTED_ACTION_IN_POLICY: aa('ERROR', 'A role trust policy allowing an action other than the sts: role-assumption actions.', ['trust']),
  PLACEHOLDER_VALUE: own('WARNING', 'A template placeholder (service-prefix-1, account-id, <arn>) where IAM would still accept the document; replace it.'),
  REDUNDANT_STATEMENT: aa('SUGGESTION', 'Two statements are identical apart from their Sid.'),
  // Actions (shape without a catalog, existence with one)
  INVALID_ACTION: aa('ERROR', 'An action IAM refuses: no "vendor:" prefix, more than one colon, or a vendor with characters other than letters, digits, "-" and "." (a wildcard vendor included).'),
  UNKNOWN_ACTION: own('WARNING', 'An action that does not exist, or a wildcard that matches no action (IAM accepts it on save).'),
  INVALID_SERVICE: aa('WARNING', 'An action whose service prefix does not exist (IAM accepts it on save).'),
  REDUNDANT_ACTION: aa('SUGGESTION', 'An action listed twice or already covered by a wildcard in the same statement.'),
  // Resources
  INVALID_ARN_PREFIX: aa('ERROR', 'A resource that is neither "*" nor has a colon (placeholders like <role_arn> included).', WITH_RESOURCE),
  MISSING_ARN_FIELD: aa('WARNING', 'An ARN with fewer than six colon-separated fields, or not starting with arn: (IAM accepts it; it matches nothing).', WITH_RESOURCE),
  MALFORMED_ARN: own('ERROR', 'An ARN IAM\'s legacy parser refuses: fewer than six fields with an empty one, or no service.', WITH_RESOURCE),
  INVALID_PARTITION: aa('ERROR', 'An ARN partition other than aws, aws-cn, aws-us-gov, aws-iso*, aws-eusc.', WITH_RESOURCE),
  INVALID_ARN_VENDOR: own('ERROR', 'An ARN that ends after its partition ("arn:aws"), without a service.', WITH_RESOURCE),
  ARN_REGION_REFUSED: own('ERROR', 'A region in an IAM ARN or an S3 bucket or object ARN, which IAM refuses.', WITH_RESOURCE),
  INVALID_IAM_RESOURCE_PATH: own('ERROR', 'An IAM ARN whose resource is not "*", root or one of IAM\'s resource types (user/, role/, policy/…).', WITH_RESOURCE),
  INVALID_ARN_REGION: aa('WARNING', 'An ARN region that is not a region code (IAM accepts it on save).', WITH_RESOURCE),
  INVALID_ARN_ACCOUNT: aa('WARNING', 'An ARN account that is not 12 digits (IAM accepts it on save).', WITH_RESOURCE),
  INVALID_ARN_SERVICE_CASE: aa('WARNING', 'An ARN service with upper-case letters (IAM accepts it on save; it matches nothing).', WITH_RESOURCE),
  MISSING_ARN_REGION: aa('WARNING', 'An ARN without region for a service whose resources all have one (IAM accepts it on save).', WITH_RESOURCE),
  ARN_REGION_NOT_ALLOWED: aa('WARNING', 'An ARN with a region for a service whose resources never have one (IAM accepts it on save, except for IAM and S3).', WITH_RESOURCE),
  ARN_ACCOUNT_NOT_ALLOWED: aa('WARNING', 'An ARN with an account for a service whose resources never have one (IAM accepts it on save).', WITH_RESOURCE),
  RESOURCE_MATCHES_NO_ACTION: own('WARNING', 'A resource ARN that matches no resource type of any action in the statement.', WITH_RESOURCE),
  STAR_RESOURCE_WITH_RESOURCE_LEVEL_PERMISSIONS: own('SUGGESTION', '"*" as resource for actions that support resource-level permissions.', WITH_RESOURCE),
  REDUNDANT_RESOURCE: aa('SUGGESTION', 'A resource listed twice or already covered by a wildcard in the same statement.', WITH_RESOURCE),
  // Conditions
  INVALID_CONDITION_OPERATOR: aa('ERROR', 'An unknown condition operator with conditions under it (with a "did you mean"); IAM accepts one with an empty block.'),
  INVALID_CONDITION_KEY_FORMAT: aa('WARNING', 'A condition key that is not "prefix:name" (IAM accepts it on save).'),
  INVALID_CONDITION_DATA_TYPE: aa('ERROR', 'A condition value that is not a string, number, boolean or a list of them.'),
  INVALID_CONDITION_MULTIPLE_BOOLEAN: aa('WARNING', 'A Bool or Null condition with more than one value.'),
  INVALID_GLOBAL_CONDITION_KEY: aa('WARNING', 'An aws: condition key that does not exist (IAM accepts it on save).'),
  INVALID_SERVICE_CONDITION_KEY: aa('WARNING', 'A service condition key the service does not define (IAM accepts it on save).'),
  CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS: own('WARNING', 'A service condition key that some listed actions do not support (the condition is absent for them).'),
  NULL_WITH_IF_EXISTS: aa('WARNING', 'NullIfExists: IfExists adds nothing to Null.'),
  EMPTY_OBJECT_CONDITION: aa('SUGGESTION', 'An empty Condition block or operator block.'),
  EMPTY_ARRAY_CONDITION: aa('SUGGESTION', 'A condition key with an empty list of values.'),
  TYPE_MISMATCH: aa('WARNING', 'A condition operator of the wrong family for the key (e.g. StringEquals on a date key).'),
  TYPE_MISMATCH_DATE: aa('WARNING', 'A date operator value that IAM accepts but that is not a full ISO 8601 date or epoch seconds.'),
  INVALID_DATE_CONDITION_VALUE: own('ERROR', 'A date operator value IAM\'s legacy parser refuses (not a date IAM reads, or epoch seconds out of range).'),
  TYPE_MISMATCH_NUMBER: aa('WARNING', 'A numeric operator value that is not a number.'),
  TYPE_MISMATCH_BOOLEAN: aa('WARNING', 'A Bool or Null value other than true/false.'),
  TYPE_MISMATCH_IP_RANGE: aa('WARNING', 'An IpAddress value that is not an IPv4/IPv6 address or CIDR.'),
  TYPE_MISMATCH_ARN: own('WARNING', 'An Arn operator value that is not an ARN.'),
  WILDCARD_WITHOUT_LIKE_OPERATOR: aa('WARNING', 'A * or ? in a StringEquals-style value, where it is not a wildcard.'),
  // Policy variables
  MISSING_BRACE_IN_VARIABLE: aa('WARNING', 'A ${ without its closing brace.'),
  EMPTY_VARIABLE: aa('WARNING', 'An empty ${} variable.'),
  UNSUPPORTED_SPACE_IN_VARIABLE: aa('WARNING', 'A space inside a variable name.'),
  MISSING_QUOTE_IN_VARIABLE: aa('WARNING', "A variable default value without single quotes (${key, 'default'})."),
  VARIABLE_UNSUPPORTED_IN_ELEMENT: aa('WARNING', 'A policy variable where IAM does not substitute one (Action, Principal, Sid…).'),
  VARIABLE_UNSUPPORTED_IN_VERSION: aa('WARNING', 'A policy variable with Version 2008-10-17 or no Version (it is taken literally).'),
  INVALID_VARIABLE_FOR_OPERATOR: aa('WARNING', 'A policy variable in a numeric, date, Bool, IP or binary condition.'),
  // Security
  PASS_ROLE_WITH_STAR_IN_RESOURCE: aa('SECURITY_WARNING', 'iam:PassRole allowed on "*".', WITH_RESOURCE),
  PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE: aa('SECURITY_WARNING', 'A wildcard action covering iam:PassRole allowed on "*".', WITH_RESOURCE),
  PASS_ROLE_WITH_NOT_RESOURCE: aa('SECURITY_WARNING', 'iam:PassRole allowed with NotResource.', WITH_RESOURCE),
  PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION: aa('SECURITY_WARNING', 'NotAction (not excluding iam:PassRole) allowed on "*".', WITH_RESOURCE),
  ALLOW_WITH_NOT_PRINCIPAL: aa('SECURITY_WARNING', 'Allow with NotPrincipal.', WITH_PRINCIPAL),
  ALLOW_WITH_NOT_ACTION: own('SECURITY_WARNING', 'Allow with NotAction: grants every action not listed, including future ones.'),
  ALLOW_WITH_NOT_RESOURCE: own('SECURITY_WARNING', 'Allow with NotResource: grants every resource not listed.', WITH_RESOURCE),
  FULL_ADMIN_ACCESS: own('SECURITY_WARNING', 'Allow "*" (or "*:*") on "*" without conditions: full administrator access.', WITH_RESOURCE),
  PRIVILEGE_ESCALATION: own('SECURITY_WARNING', 'Actions that let a principal raise its own permissions (policy versions, attach/put policies, keys of others, PassRole with a compute service…).', ATTACHED),
  CREDENTIALS_EXPOSURE: own('SECURITY_WARNING', 'Actions that return credentials (sts:AssumeRole, iam:CreateServiceSpecificCredential…) allowed on "*".', ATTACHED),
  UNSAFE_MFA_CONDITION: own('SECURITY_WARNING', '"Bool": {"aws:MultiFactorAuthPresent": "false"}: misses requests made with long-term keys.'),
  FORALLVALUES_WITH_SINGLE_VALUED_KEY: aa('SECURITY_WARNING', 'ForAllValues with a single-valued key in an Allow: true when the key is absent.'),
  ANY_PRINCIPAL_WITHOUT_CONDITION: own('SECURITY_WARNING', 'A trust or resource policy allowing the principal "*" without any condition.', WITH_PRINCIPAL),
  // Size
  POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA: aa('ERROR', 'Larger than the quota without whitespace: managed 6,144; inline user 2,048, group 5,120, role 10,240.', ATTACHED),
  POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA: aa('ERROR', 'A role trust policy larger than 2,048 characters without whitespace.', ['trust']),
  POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA: aa('ERROR', 'A resource policy larger than 20,480 characters without whitespace (the S3 bucket policy quota).', ['resource']),
  // The validator itself
  DOCUMENT_TOO_LARGE: own('WARNING', 'A document over 262,144 characters (far beyond every quota): only its JSON syntax and size are checked.'),
  CHECK_FAILED: own('WARNING', 'A check failed on this input (a bug in the validator); the other checks still ran.'),
} as const satisfies Record<string, CheckDefinition>;

export type IssueCode = keyof typeof CHECKS;

const REFERENCE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html';
const TYPE_ANCHOR: Record<FindingType, string> = {
  ERROR: 'error',
  SECURITY_WARNING: 'security-warning',
  WARNING: 'general-warning',
  SUGGESTION: 'suggestion',
};

/** Access Analyzer's reference page for its own codes; our own checks link to the IAM guide's best practices. */
export function learnMoreLink(code: IssueCode): string {
  return (links[code] ??= linkFor(code));
}

const links: Partial<Record<IssueCode, string>> = {};

function linkFor(code: IssueCode): string {
  const check: CheckDefinition = CHECKS[code];
  if (!check.accessAnalyzer) return 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html';
  return `${REFERENCE}#access-analyzer-reference-policy-checks-${TYPE_ANCHOR[check.type]}-${code.toLowerCase().replaceAll('_', '-')}`;
}
