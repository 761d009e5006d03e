// Every check the validator runs, in one table: its issue code, finding type, and whether the code is
// IAM Access Analyzer's own (then the learn-more link points at Access Analyzer's check reference) or ours.
import type { FindingType } from './finding.ts';

export interface CheckDefinition {
  type: FindingType;
  /** True when IAM Access Analyzer reports the same issue under this code. */
  accessAnalyzer: boolean;
  /** What the check looks for, for the README and tooling. */
  summary: string;
}

const aa = (type: FindingType, summary: string): CheckDefinition => ({ type, accessAnalyzer: true, summary });
const own = (type: FindingType, summary: string): CheckDefinition => ({ type, accessAnalyzer: false, summary });

export const CHECKS = {
  // Grammar
  JSON_SYNTAX_ERROR: aa('ERROR', 'The text is not valid JSON (or nests absurdly deep).'),
  DATA_TYPE_MISMATCH: aa('ERROR', 'An element has the wrong JSON type (e.g. Effect is a number, the policy is an array).'),
  INVALID_POLICY_ELEMENT: aa('ERROR', 'An unknown or misplaced element, with a "did you mean" for case mistakes.'),
  DUPLICATE_KEYS_WITH_DIFFERENT_CASE: aa('ERROR', 'The same element twice, spelled with different case.'),
  DUPLICATE_KEY: own('WARNING', 'The same key twice in one object: only the last one counts.'),
  MISSING_VERSION: aa('WARNING', 'No Version element: IAM assumes 2008-10-17 and disables policy variables.'),
  INVALID_VERSION: aa('ERROR', 'Version is not 2012-10-17 or 2008-10-17.'),
  OUTDATED_VERSION: own('SUGGESTION', 'Version 2008-10-17: use 2012-10-17 to enable policy variables.'),
  MISSING_STATEMENT: aa('ERROR', 'No Statement element, or an empty one.'),
  INVALID_EFFECT: aa('ERROR', 'Effect is neither Allow nor Deny.'),
  MISSING_EFFECT: aa('ERROR', 'A statement without Effect.'),
  MISSING_ACTION: aa('ERROR', 'A statement without Action or NotAction.'),
  MISSING_RESOURCE: aa('ERROR', 'A statement without Resource or NotResource (identity, boundary and resource policies).'),
  MISSING_PRINCIPAL: aa('ERROR', 'A trust or resource policy statement without Principal or NotPrincipal.'),
  UNSUPPORTED_PRINCIPAL: aa('ERROR', 'Principal or NotPrincipal in an identity policy or permissions boundary.'),
  UNSUPPORTED_ELEMENT_COMBINATION: aa('ERROR', 'Action with NotAction, Resource with NotResource, or Principal with NotPrincipal.'),
  ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE: aa('ERROR', 'Resource or NotResource in a role trust policy.'),
  ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL: aa('ERROR', 'NotPrincipal in a role trust policy.'),
  UNIQUE_SIDS_REQUIRED: aa('ERROR', 'Two statements of an identity policy share a Sid.'),
  UNIQUE_SIDS_RECOMMENDED: aa('WARNING', 'Two statements of a trust or resource policy share a Sid.'),
  UNSUPPORTED_SID: aa('ERROR', 'A Sid with characters other than A-Z, a-z and 0-9 (identity policies, boundaries, trust policies).'),
  EMPTY_SID_VALUE: aa('SUGGESTION', 'An empty Sid.'),
  EMPTY_ARRAY_ACTION: aa('SUGGESTION', 'Action is an empty array: the statement matches nothing.'),
  EMPTY_ARRAY_NOT_ACTION: own('WARNING', 'NotAction is an empty array: the statement matches every action.'),
  EMPTY_ARRAY_RESOURCE: aa('SUGGESTION', 'Resource is an empty array: the statement matches nothing.'),
  EMPTY_ARRAY_NOT_RESOURCE: own('WARNING', 'NotResource is an empty array: the statement matches every resource.'),
  EMPTY_ARRAY_PRINCIPAL: aa('SUGGESTION', 'A principal list is empty.'),
  EMPTY_OBJECT_PRINCIPAL: aa('SUGGESTION', 'Principal is an empty object.'),
  INVALID_PRINCIPAL_KEY: aa('ERROR', 'A principal type other than AWS, Service, Federated or CanonicalUser.'),
  INVALID_PRINCIPAL_FORMAT: aa('ERROR', 'A principal value that is not "*", an account ID or an ARN.'),
  INVALID_SERVICE_PRINCIPAL_FORMAT: aa('ERROR', 'A service principal that is not a service domain such as ec2.amazonaws.com.'),
  UNSUPPORTED_WILDCARD_IN_PRINCIPAL: aa('ERROR', 'A wildcard inside a principal ARN (only a bare "*" is allowed).'),
  MISMATCHED_ACTION_FOR_PRINCIPAL: aa('ERROR', 'A federated principal with sts:AssumeRole, or an AWS/service principal with a federation-only action.'),
  UNSUPPORTED_ACTION_IN_POLICY: aa('ERROR', 'A role trust policy allowing an action other than the sts: role-assumption actions.'),
  PLACEHOLDER_VALUE: own('WARNING', 'A template placeholder (service-prefix-1, account-id, <arn>) where IAM would still accept the document; replace it.'),
  REDUNDANT_STATEMENT: aa('SUGGESTION', 'Two statements are identical apart from their Sid.'),
  // Actions (shape without a catalog, existence with one)
  INVALID_ACTION: aa('ERROR', 'An action that is not "service:action", does not exist, or a wildcard that matches no action.'),
  INVALID_SERVICE: aa('ERROR', 'An action whose service prefix does not exist.'),
  REDUNDANT_ACTION: aa('SUGGESTION', 'An action listed twice or already covered by a wildcard in the same statement.'),
  // Resources
  INVALID_ARN_PREFIX: aa('ERROR', 'A resource that is neither "*" nor starts with arn: (placeholders like <role_arn> included).'),
  MISSING_ARN_FIELD: aa('ERROR', 'An ARN with fewer than six colon-separated fields.'),
  INVALID_PARTITION: aa('ERROR', 'An ARN partition other than aws, aws-cn, aws-us-gov, aws-iso*, aws-eusc.'),
  INVALID_ARN_REGION: aa('ERROR', 'An ARN region that is not a region code.'),
  INVALID_ARN_ACCOUNT: aa('ERROR', 'An ARN account that is not 12 digits.'),
  INVALID_ARN_SERVICE_CASE: aa('ERROR', 'An ARN service with upper-case letters.'),
  MISSING_ARN_REGION: aa('ERROR', 'An ARN without region for a service whose resources all have one.'),
  ARN_REGION_NOT_ALLOWED: aa('ERROR', 'An ARN with a region for a service whose resources never have one.'),
  ARN_ACCOUNT_NOT_ALLOWED: aa('ERROR', 'An ARN with an account for a service whose resources never have one.'),
  RESOURCE_MATCHES_NO_ACTION: own('WARNING', 'A resource ARN that matches no resource type of any action in the statement.'),
  STAR_RESOURCE_WITH_RESOURCE_LEVEL_PERMISSIONS: own('SUGGESTION', '"*" as resource for actions that support resource-level permissions.'),
  REDUNDANT_RESOURCE: aa('SUGGESTION', 'A resource listed twice or already covered by a wildcard in the same statement.'),
  // Conditions
  INVALID_CONDITION_OPERATOR: aa('ERROR', 'An unknown condition operator (with a "did you mean").'),
  INVALID_CONDITION_KEY_FORMAT: aa('ERROR', 'A condition key that is not "prefix:name".'),
  INVALID_CONDITION_DATA_TYPE: aa('ERROR', 'A condition value that is not a string, number, boolean or a list of them.'),
  INVALID_CONDITION_MULTIPLE_BOOLEAN: aa('ERROR', 'A Bool or Null condition with more than one value.'),
  INVALID_GLOBAL_CONDITION_KEY: aa('ERROR', 'An aws: condition key that does not exist.'),
  INVALID_SERVICE_CONDITION_KEY: aa('ERROR', 'A service condition key the service does not define.'),
  CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS: own('WARNING', 'A service condition key that some listed actions do not support (the condition is absent for them).'),
  NULL_WITH_IF_EXISTS: aa('ERROR', 'NullIfExists, which is not an operator.'),
  EMPTY_OBJECT_CONDITION: aa('SUGGESTION', 'An empty Condition block or operator block.'),
  EMPTY_ARRAY_CONDITION: aa('SUGGESTION', 'A condition key with an empty list of values.'),
  TYPE_MISMATCH: aa('WARNING', 'A condition operator of the wrong family for the key (e.g. StringEquals on a date key).'),
  TYPE_MISMATCH_DATE: aa('WARNING', 'A date operator value that is not an ISO 8601 date or epoch seconds.'),
  TYPE_MISMATCH_NUMBER: aa('WARNING', 'A numeric operator value that is not a number.'),
  TYPE_MISMATCH_BOOLEAN: aa('WARNING', 'A Bool or Null value other than true/false.'),
  TYPE_MISMATCH_IP_RANGE: aa('WARNING', 'An IpAddress value that is not an IPv4/IPv6 address or CIDR.'),
  TYPE_MISMATCH_ARN: own('WARNING', 'An Arn operator value that is not an ARN.'),
  WILDCARD_WITHOUT_LIKE_OPERATOR: aa('WARNING', 'A * or ? in a StringEquals-style value, where it is not a wildcard.'),
  // Policy variables
  MISSING_BRACE_IN_VARIABLE: aa('ERROR', 'A ${ without its closing brace.'),
  EMPTY_VARIABLE: aa('ERROR', 'An empty ${} variable.'),
  UNSUPPORTED_SPACE_IN_VARIABLE: aa('ERROR', 'A space inside a variable name.'),
  MISSING_QUOTE_IN_VARIABLE: aa('ERROR', "A variable default value without single quotes (${key, 'default'})."),
  VARIABLE_UNSUPPORTED_IN_ELEMENT: aa('ERROR', 'A policy variable where IAM does not substitute one (Action, Principal, Sid…).'),
  VARIABLE_UNSUPPORTED_IN_VERSION: aa('ERROR', 'A policy variable with Version 2008-10-17 or no Version (it is taken literally).'),
  INVALID_VARIABLE_FOR_OPERATOR: aa('ERROR', 'A policy variable in a numeric, date, Bool, IP or binary condition.'),
  // Security
  PASS_ROLE_WITH_STAR_IN_RESOURCE: aa('SECURITY_WARNING', 'iam:PassRole allowed on "*".'),
  PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE: aa('SECURITY_WARNING', 'A wildcard action covering iam:PassRole allowed on "*".'),
  PASS_ROLE_WITH_NOT_RESOURCE: aa('SECURITY_WARNING', 'iam:PassRole allowed with NotResource.'),
  PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION: aa('SECURITY_WARNING', 'NotAction (not excluding iam:PassRole) allowed on "*".'),
  ALLOW_WITH_NOT_PRINCIPAL: aa('SECURITY_WARNING', 'Allow with NotPrincipal.'),
  ALLOW_WITH_NOT_ACTION: own('SECURITY_WARNING', 'Allow with NotAction: grants every action not listed, including future ones.'),
  ALLOW_WITH_NOT_RESOURCE: own('SECURITY_WARNING', 'Allow with NotResource: grants every resource not listed.'),
  FULL_ADMIN_ACCESS: own('SECURITY_WARNING', 'Allow "*" (or "*:*") on "*" without conditions: full administrator access.'),
  PRIVILEGE_ESCALATION: own('SECURITY_WARNING', 'Actions that let a principal raise its own permissions (policy versions, attach/put policies, keys of others, PassRole with a compute service…).'),
  CREDENTIALS_EXPOSURE: own('SECURITY_WARNING', 'Actions that return credentials (sts:AssumeRole, iam:CreateServiceSpecificCredential…) allowed on "*".'),
  UNSAFE_MFA_CONDITION: own('SECURITY_WARNING', '"Bool": {"aws:MultiFactorAuthPresent": "false"}: misses requests made with long-term keys.'),
  FORALLVALUES_WITH_SINGLE_VALUED_KEY: aa('SECURITY_WARNING', 'ForAllValues with a single-valued key in an Allow: true when the key is absent.'),
  ANY_PRINCIPAL_WITHOUT_CONDITION: own('SECURITY_WARNING', 'A trust or resource policy allowing the principal "*" without any condition.'),
  // Size
  POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA: aa('ERROR', 'Larger than the quota without whitespace: managed 6,144; inline user 2,048, group 5,120, role 10,240.'),
  POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA: aa('ERROR', 'A role trust policy larger than 2,048 characters without whitespace.'),
  POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA: aa('ERROR', 'A resource policy larger than 20,480 characters without whitespace (the S3 bucket policy quota).'),
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
