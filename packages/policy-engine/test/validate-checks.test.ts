// One failing and one passing policy per check, so each check is shown to fire and to stay quiet.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS, type IssueCode } from '../src/validate/checks.ts';
import { POLICY_KINDS, type PolicyKind, type ValidateOptions } from '../src/validate/finding.ts';
import { codesOf, doc, GOOD, GOOD_RESOURCE, GOOD_TRUST, validate, withGood, type Statement } from './validate-helpers.ts';

interface Case {
  code: IssueCode;
  kind?: PolicyKind;
  inlineFor?: ValidateOptions['inlineFor'];
  /** The text that must produce the finding. */
  failing: string;
  /** A close variant that must not. */
  passing: string;
  /** The same check on kinds of policy where `failing` does not show it (e.g. a trust policy has no Resource). */
  forKinds?: Partial<Record<PolicyKind, { failing: string; passing: string }>>;
}

const trust = (s: Statement): string => doc({ ...GOOD_TRUST, ...s });
const resource = (s: Statement): string => doc({ ...GOOD_RESOURCE, ...s });
const identity = (s: Statement): string => doc(withGood(s));
const cond = (condition: unknown, s: Statement = {}): string => identity({ Condition: condition, ...s });
/** A trust policy whose condition compares the session name with `value` (a place for policy variables). */
const trustSessionName = (value: string, version: string | undefined = '2012-10-17'): string =>
  JSON.stringify({ Version: version, Statement: [{ ...GOOD_TRUST, Condition: { StringEquals: { 'sts:RoleSessionName': value } } }] });
const trustVariable = (failing: string) => ({ trust: { failing: trustSessionName(failing), passing: trustSessionName("${aws:username, 'none'}") } });
const policyOfSize = (statements: number): string => doc(...Array.from({ length: statements }, (_, i) => withGood({ Sid: `S${i}`, Resource: `arn:aws:s3:::bucket-${i}/*` })));

const CASES: Case[] = [
  // Grammar
  { code: 'JSON_SYNTAX_ERROR', failing: '{"Version": "2012-10-17", "Statement": [', passing: doc(GOOD) },
  { code: 'DATA_TYPE_MISMATCH', failing: identity({ Effect: 1 }), passing: identity({ Effect: 'Allow' }) },
  { code: 'INVALID_POLICY_ELEMENT', failing: identity({ Effect: undefined, effect: 'Allow' }).replace('"effect"', '"Effect": "Allow", "effect"'), passing: doc(GOOD) },
  { code: 'DUPLICATE_KEYS_WITH_DIFFERENT_CASE', failing: doc(GOOD).replace('"Effect"', '"EFFECT": "Allow", "Effect"'), passing: doc(GOOD) },
  { code: 'DUPLICATE_KEY', failing: doc(GOOD).replace('"Effect"', '"Effect": "Deny", "Effect"'), passing: doc(GOOD) },
  { code: 'MISSING_VERSION', inlineFor: 'user', failing: JSON.stringify({ Statement: [GOOD] }), passing: doc(GOOD) },
  { code: 'MANAGED_POLICY_VERSION_REQUIRED', failing: JSON.stringify({ Statement: [GOOD] }), passing: doc(GOOD) },
  { code: 'INVALID_VERSION', failing: JSON.stringify({ Version: '2012-10-18', Statement: [GOOD] }), passing: doc(GOOD) },
  { code: 'OUTDATED_VERSION', inlineFor: 'user', failing: JSON.stringify({ Version: '2008-10-17', Statement: [GOOD] }), passing: doc(GOOD) },
  { code: 'MISSING_STATEMENT', failing: JSON.stringify({ Version: '2012-10-17' }), passing: doc(GOOD) },
  { code: 'INVALID_EFFECT', failing: identity({ Effect: 'allow' }), passing: identity({ Effect: 'Deny' }) },
  { code: 'MISSING_EFFECT', failing: identity({ Effect: undefined }), passing: doc(GOOD) },
  { code: 'MISSING_ACTION', failing: identity({ Action: undefined }), passing: identity({ Action: undefined, NotAction: 's3:DeleteObject', Effect: 'Deny' }) },
  { code: 'MISSING_RESOURCE', failing: identity({ Resource: undefined }), passing: identity({ Resource: undefined, NotResource: 'arn:aws:s3:::other/*', Effect: 'Deny' }) },
  { code: 'MISSING_PRINCIPAL', kind: 'trust', failing: trust({ Principal: undefined }), passing: trust({}) },
  { code: 'UNSUPPORTED_PRINCIPAL', failing: identity({ Principal: '*' }), passing: doc(GOOD) },
  { code: 'UNSUPPORTED_ELEMENT_COMBINATION', failing: identity({ NotAction: 's3:PutObject' }), passing: doc(GOOD) },
  { code: 'ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE', kind: 'trust', failing: trust({ Resource: '*' }), passing: trust({}) },
  { code: 'ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL', kind: 'trust', failing: trust({ Effect: 'Deny', Principal: undefined, NotPrincipal: { AWS: '111122223333' } }), passing: trust({}) },
  { code: 'UNIQUE_SIDS_REQUIRED', failing: doc(withGood({ Sid: 'A' }), withGood({ Sid: 'A', Action: 's3:PutObject' })), passing: doc(withGood({ Sid: 'A' }), withGood({ Sid: 'B', Action: 's3:PutObject' })) },
  { code: 'UNIQUE_SIDS_RECOMMENDED', kind: 'resource', failing: doc({ ...GOOD_RESOURCE, Sid: 'A' }, { ...GOOD_RESOURCE, Sid: 'A', Action: 's3:PutObject' }), passing: doc({ ...GOOD_RESOURCE, Sid: 'A' }, { ...GOOD_RESOURCE, Sid: 'B', Action: 's3:PutObject' }) },
  { code: 'UNSUPPORTED_SID', failing: identity({ Sid: 'Read objects' }), passing: identity({ Sid: 'ReadObjects' }) },
  { code: 'EMPTY_SID_VALUE', failing: identity({ Sid: '' }), passing: identity({ Sid: 'Read' }) },
  { code: 'EMPTY_ARRAY_ACTION', failing: identity({ Action: [] }), passing: identity({ Action: ['s3:GetObject'] }) },
  { code: 'EMPTY_ARRAY_NOT_ACTION', failing: identity({ Effect: 'Deny', Action: undefined, NotAction: [] }), passing: identity({ Effect: 'Deny', Action: undefined, NotAction: ['iam:ChangePassword'] }) },
  { code: 'EMPTY_ARRAY_RESOURCE', failing: identity({ Resource: [] }), passing: identity({ Resource: ['arn:aws:s3:::bucket/*'] }) },
  { code: 'EMPTY_ARRAY_NOT_RESOURCE', failing: identity({ Effect: 'Deny', Resource: undefined, NotResource: [] }), passing: identity({ Effect: 'Deny', Resource: undefined, NotResource: ['arn:aws:s3:::bucket/*'] }) },
  { code: 'EMPTY_ARRAY_PRINCIPAL', kind: 'trust', failing: trust({ Principal: { AWS: [] } }), passing: trust({}) },
  { code: 'EMPTY_OBJECT_PRINCIPAL', kind: 'trust', failing: trust({ Principal: {} }), passing: trust({}) },
  { code: 'INVALID_PRINCIPAL_KEY', kind: 'trust', failing: trust({ Principal: { aws: '111122223333' } }), passing: trust({ Principal: { AWS: '111122223333' } }) },
  { code: 'INVALID_PRINCIPAL_FORMAT', kind: 'trust', failing: trust({ Principal: { AWS: 'alice' } }), passing: trust({ Principal: { AWS: 'arn:aws:iam::111122223333:user/alice' } }) },
  { code: 'INVALID_SERVICE_PRINCIPAL_FORMAT', kind: 'trust', failing: trust({ Principal: { Service: 'lambda' } }), passing: trust({ Principal: { Service: 'lambda.amazonaws.com' } }) },
  { code: 'UNSUPPORTED_WILDCARD_IN_PRINCIPAL', kind: 'trust', failing: trust({ Principal: { AWS: 'arn:aws:iam::111122223333:role/*' } }), passing: trust({ Principal: { AWS: 'arn:aws:iam::111122223333:role/deploy' } }) },
  {
    code: 'MISMATCHED_ACTION_FOR_PRINCIPAL',
    kind: 'trust',
    failing: trust({ Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/corp' } }),
    passing: trust({ Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/corp' }, Action: 'sts:AssumeRoleWithSAML' }),
  },
  { code: 'UNSUPPORTED_ACTION_IN_POLICY', kind: 'trust', failing: trust({ Action: ['sts:AssumeRole', 's3:GetObject'] }), passing: trust({ Action: ['sts:AssumeRole', 'sts:TagSession'] }) },
  {
    code: 'PLACEHOLDER_VALUE',
    failing: identity({ Resource: 'arn:aws:s3:us-east-1:ACCOUNT-ID:accesspoint/x' }),
    passing: identity({ Resource: 'arn:aws:s3:us-east-1:111122223333:accesspoint/x' }),
    forKinds: { trust: { failing: trust({ Action: ['sts:AssumeRole', 'service-prefix-1:action'] }), passing: trust({ Action: ['sts:AssumeRole', 'sts:TagSession'] }) } },
  },
  { code: 'REDUNDANT_STATEMENT', failing: doc(withGood({ Sid: 'A' }), withGood({ Sid: 'B' })), passing: doc(withGood({ Sid: 'A' }), withGood({ Sid: 'B', Effect: 'Deny' })) },
  // Actions
  { code: 'INVALID_ACTION', failing: identity({ Action: 's3*:GetObject' }), passing: identity({ Action: '*:GetObject' }) },
  { code: 'UNKNOWN_ACTION', failing: identity({ Action: 's3:GetObjekt' }), passing: identity({ Action: 's3:getobject' }) },
  { code: 'INVALID_SERVICE', failing: identity({ Action: 'sss:GetObject' }), passing: doc(GOOD) },
  { code: 'REDUNDANT_ACTION', failing: identity({ Action: ['s3:Get*', 's3:GetObject'] }), passing: identity({ Action: ['s3:Get*', 's3:PutObject'] }) },
  // Resources
  { code: 'INVALID_ARN_PREFIX', failing: identity({ Resource: 'bucket/*' }), passing: doc(GOOD) },
  { code: 'MISSING_ARN_FIELD', failing: identity({ Resource: 'arn:aws:sqs:queue' }), passing: doc(GOOD) },
  { code: 'MALFORMED_ARN', failing: identity({ Resource: 'arn:aws:s3::bucket' }), passing: doc(GOOD) },
  { code: 'INVALID_ARN_VENDOR', failing: identity({ Resource: 'arn:aws' }), passing: doc(GOOD) },
  { code: 'ARN_REGION_REFUSED', failing: identity({ Resource: 'arn:aws:s3:us-east-1::bucket/*' }), passing: identity({ Resource: 'arn:aws:s3:us-east-1:111122223333:accesspoint/ap' }) },
  { code: 'INVALID_IAM_RESOURCE_PATH', failing: identity({ Action: 'iam:GetUser', Resource: 'arn:aws:iam::111122223333:alice' }), passing: identity({ Action: 'iam:GetUser', Resource: 'arn:aws:iam::111122223333:user/alice' }) },
  { code: 'INVALID_PARTITION', failing: identity({ Resource: 'arn:amazon:s3:::bucket/*' }), passing: identity({ Resource: 'arn:aws-cn:s3:::bucket/*' }) },
  { code: 'INVALID_ARN_REGION', failing: identity({ Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:useast1:111122223333:queue' }), passing: identity({ Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:111122223333:queue' }) },
  { code: 'INVALID_ARN_ACCOUNT', failing: identity({ Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:1111222233:queue' }), passing: identity({ Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:111122223333:queue' }) },
  { code: 'INVALID_ARN_SERVICE_CASE', failing: identity({ Resource: 'arn:aws:S3:::bucket/*' }), passing: doc(GOOD) },
  { code: 'MISSING_ARN_REGION', failing: identity({ Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs::111122223333:queue' }), passing: identity({ Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:*:111122223333:queue' }) },
  { code: 'ARN_REGION_NOT_ALLOWED', failing: identity({ Action: 'route53:GetHostedZone', Resource: 'arn:aws:route53:us-east-1::hostedzone/Z1' }), passing: identity({ Action: 'route53:GetHostedZone', Resource: 'arn:aws:route53:::hostedzone/Z1' }) },
  { code: 'ARN_ACCOUNT_NOT_ALLOWED', failing: identity({ Action: 'route53:GetHostedZone', Resource: 'arn:aws:route53::111122223333:hostedzone/Z1' }), passing: identity({ Action: 'route53:GetHostedZone', Resource: 'arn:aws:route53:::hostedzone/Z1' }) },
  { code: 'RESOURCE_MATCHES_NO_ACTION', failing: identity({ Action: 'iam:GetUser', Resource: 'arn:aws:iam::111122223333:role/admin' }), passing: identity({ Action: 'iam:GetUser', Resource: 'arn:aws:iam::111122223333:user/alice' }) },
  { code: 'STAR_RESOURCE_WITH_RESOURCE_LEVEL_PERMISSIONS', failing: identity({ Resource: '*' }), passing: identity({ Action: 's3:ListAllMyBuckets', Resource: '*' }) },
  { code: 'REDUNDANT_RESOURCE', failing: identity({ Resource: ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a'] }), passing: identity({ Resource: ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::other/a'] }) },
  // Conditions
  { code: 'INVALID_CONDITION_OPERATOR', failing: cond({ StringEqual: { 'aws:username': 'alice' } }), passing: cond({ StringEquals: { 'aws:username': 'alice' } }) },
  { code: 'INVALID_CONDITION_KEY_FORMAT', failing: cond({ StringEquals: { username: 'alice' } }), passing: cond({ StringEquals: { 'aws:username': 'alice' } }) },
  { code: 'INVALID_CONDITION_DATA_TYPE', failing: cond({ StringEquals: { 'aws:username': { name: 'alice' } } }), passing: cond({ StringEquals: { 'aws:username': ['alice', 'bob'] } }) },
  { code: 'INVALID_CONDITION_MULTIPLE_BOOLEAN', failing: cond({ Bool: { 'aws:SecureTransport': ['true', 'false'] } }), passing: cond({ Bool: { 'aws:SecureTransport': 'true' } }) },
  { code: 'INVALID_GLOBAL_CONDITION_KEY', failing: cond({ StringEquals: { 'aws:UserName2': 'alice' } }), passing: cond({ StringEquals: { 'aws:PrincipalTag/team': 'red' } }) },
  { code: 'INVALID_SERVICE_CONDITION_KEY', failing: cond({ StringEquals: { 's3:prefixx': 'home/' } }), passing: cond({ StringEquals: { 's3:prefix': 'home/' } }, { Action: 's3:ListBucket', Resource: 'arn:aws:s3:::bucket' }) },
  { code: 'CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS', failing: cond({ StringEquals: { 's3:prefix': 'home/' } }), passing: cond({ StringEquals: { 's3:prefix': 'home/' } }, { Action: 's3:ListBucket', Resource: 'arn:aws:s3:::bucket' }) },
  { code: 'NULL_WITH_IF_EXISTS', failing: cond({ NullIfExists: { 'aws:TokenIssueTime': 'true' } }), passing: cond({ Null: { 'aws:TokenIssueTime': 'true' } }) },
  { code: 'EMPTY_OBJECT_CONDITION', failing: cond({}), passing: cond({ Bool: { 'aws:SecureTransport': 'true' } }) },
  { code: 'EMPTY_ARRAY_CONDITION', failing: cond({ StringEquals: { 'aws:username': [] } }), passing: cond({ StringEquals: { 'aws:username': ['alice'] } }) },
  { code: 'TYPE_MISMATCH', failing: cond({ StringEquals: { 'aws:CurrentTime': '2026-01-01' } }), passing: cond({ DateGreaterThan: { 'aws:CurrentTime': '2026-01-01' } }) },
  { code: 'TYPE_MISMATCH_DATE', failing: cond({ DateGreaterThan: { 'aws:CurrentTime': '2026T' } }), passing: cond({ DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } }) },
  { code: 'INVALID_DATE_CONDITION_VALUE', failing: cond({ DateGreaterThan: { 'aws:CurrentTime': 'next monday' } }), passing: cond({ DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } }) },
  { code: 'TYPE_MISMATCH_NUMBER', failing: cond({ NumericLessThan: { 'aws:MultiFactorAuthAge': 'one hour' } }), passing: cond({ NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } }) },
  { code: 'TYPE_MISMATCH_BOOLEAN', failing: cond({ Bool: { 'aws:SecureTransport': 'yes' } }), passing: cond({ Bool: { 'aws:SecureTransport': true } }) },
  { code: 'TYPE_MISMATCH_IP_RANGE', failing: cond({ IpAddress: { 'aws:SourceIp': '203.0.113.0/33' } }), passing: cond({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] } }) },
  { code: 'TYPE_MISMATCH_ARN', failing: cond({ ArnLike: { 'aws:PrincipalArn': 'role/admin' } }), passing: cond({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/admin' } }) },
  { code: 'WILDCARD_WITHOUT_LIKE_OPERATOR', failing: cond({ StringEquals: { 'aws:username': 'dev-*' } }), passing: cond({ StringLike: { 'aws:username': 'dev-*' } }) },
  // Policy variables
  { code: 'MISSING_BRACE_IN_VARIABLE', failing: identity({ Resource: 'arn:aws:s3:::bucket/${aws:username/*' }), passing: identity({ Resource: 'arn:aws:s3:::bucket/${aws:username}/*' }), forKinds: trustVariable('${aws:username') },
  { code: 'EMPTY_VARIABLE', failing: identity({ Resource: 'arn:aws:s3:::bucket/${}/*' }), passing: identity({ Resource: 'arn:aws:s3:::bucket/${aws:username}/*' }), forKinds: trustVariable('${}') },
  { code: 'UNSUPPORTED_SPACE_IN_VARIABLE', failing: identity({ Resource: 'arn:aws:s3:::bucket/${aws: username}/*' }), passing: identity({ Resource: "arn:aws:s3:::bucket/${aws:username, 'none'}/*" }), forKinds: trustVariable('${aws: username}') },
  { code: 'MISSING_QUOTE_IN_VARIABLE', failing: identity({ Resource: 'arn:aws:s3:::bucket/${aws:username, none}/*' }), passing: identity({ Resource: "arn:aws:s3:::bucket/${aws:username, 'none'}/*" }), forKinds: trustVariable('${aws:username, none}') },
  { code: 'VARIABLE_UNSUPPORTED_IN_ELEMENT', failing: identity({ Action: 's3:${aws:username}' }), passing: doc(GOOD) },
  {
    code: 'VARIABLE_UNSUPPORTED_IN_VERSION',
    failing: JSON.stringify({ Version: '2008-10-17', Statement: [withGood({ Resource: 'arn:aws:s3:::bucket/${aws:username}/*' })] }),
    passing: identity({ Resource: 'arn:aws:s3:::bucket/${aws:username}/*' }),
    forKinds: { trust: { failing: trustSessionName('${aws:username}', '2008-10-17'), passing: trustSessionName('${aws:username}') } },
  },
  { code: 'INVALID_VARIABLE_FOR_OPERATOR', failing: cond({ NumericLessThan: { 'aws:MultiFactorAuthAge': '${aws:EpochTime}' } }), passing: cond({ StringEquals: { 'aws:PrincipalTag/owner': '${aws:username}' } }) },
  // Security
  { code: 'PASS_ROLE_WITH_STAR_IN_RESOURCE', failing: identity({ Action: 'iam:PassRole', Resource: '*' }), passing: identity({ Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/app' }) },
  { code: 'PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE', failing: identity({ Action: 'iam:Pass*', Resource: '*' }), passing: identity({ Action: 'iam:Pass*', Resource: 'arn:aws:iam::111122223333:role/app' }) },
  { code: 'PASS_ROLE_WITH_NOT_RESOURCE', failing: identity({ Action: 'iam:PassRole', Resource: undefined, NotResource: 'arn:aws:iam::111122223333:role/admin' }), passing: identity({ Action: 'iam:GetRole', Resource: undefined, NotResource: 'arn:aws:iam::111122223333:role/admin' }) },
  { code: 'PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION', failing: identity({ Action: undefined, NotAction: 'iam:*User*', Resource: '*' }), passing: identity({ Action: undefined, NotAction: 'iam:*', Resource: '*' }) },
  { code: 'ALLOW_WITH_NOT_PRINCIPAL', kind: 'resource', failing: resource({ Principal: undefined, NotPrincipal: { AWS: '111122223333' } }), passing: resource({ Effect: 'Deny', Principal: undefined, NotPrincipal: { AWS: '111122223333' } }) },
  { code: 'ALLOW_WITH_NOT_ACTION', failing: identity({ Action: undefined, NotAction: 's3:DeleteObject' }), passing: identity({ Effect: 'Deny', Action: undefined, NotAction: 's3:DeleteObject' }) },
  { code: 'ALLOW_WITH_NOT_RESOURCE', failing: identity({ Resource: undefined, NotResource: 'arn:aws:s3:::secret/*' }), passing: identity({ Effect: 'Deny', Resource: undefined, NotResource: 'arn:aws:s3:::secret/*' }) },
  { code: 'FULL_ADMIN_ACCESS', failing: identity({ Action: '*', Resource: '*' }), passing: identity({ Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }) },
  { code: 'PRIVILEGE_ESCALATION', failing: identity({ Action: 'iam:CreateAccessKey', Resource: 'arn:aws:iam::*:user/*' }), passing: identity({ Action: 'iam:CreateAccessKey', Resource: 'arn:aws:iam::*:user/${aws:username}' }) },
  { code: 'CREDENTIALS_EXPOSURE', failing: identity({ Action: 'sts:AssumeRole', Resource: '*' }), passing: identity({ Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::111122223333:role/deploy' }) },
  { code: 'UNSAFE_MFA_CONDITION', failing: cond({ Bool: { 'aws:MultiFactorAuthPresent': 'false' } }, { Effect: 'Deny' }), passing: cond({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }, { Effect: 'Deny' }) },
  { code: 'FORALLVALUES_WITH_SINGLE_VALUED_KEY', failing: cond({ 'ForAllValues:StringEquals': { 'aws:username': ['alice'] } }), passing: cond({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } }) },
  { code: 'ANY_PRINCIPAL_WITHOUT_CONDITION', kind: 'trust', failing: trust({ Principal: { AWS: '*' } }), passing: trust({ Principal: { AWS: '*' }, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }) },
  // Size
  {
    code: 'DOCUMENT_TOO_LARGE',
    failing: doc(withGood({ Action: Array.from({ length: 20_000 }, (_, i) => `s3:GetObject${i}`) })),
    passing: doc(withGood({ Action: Array.from({ length: 8_000 }, (_, i) => `s3:GetObject${i}`) })),
  },
  { code: 'POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA', failing: policyOfSize(80), passing: policyOfSize(60) },
  { code: 'POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA', kind: 'trust', failing: doc(...Array.from({ length: 25 }, (_, i) => ({ ...GOOD_TRUST, Sid: `T${i}` }))), passing: doc(...Array.from({ length: 15 }, (_, i) => ({ ...GOOD_TRUST, Sid: `T${i}` }))) },
  { code: 'POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA', kind: 'resource', failing: doc(...Array.from({ length: 220 }, (_, i) => ({ ...GOOD_RESOURCE, Sid: `R${i}`, Resource: `arn:aws:s3:::b/${i}` }))), passing: doc(...Array.from({ length: 150 }, (_, i) => ({ ...GOOD_RESOURCE, Sid: `R${i}`, Resource: `arn:aws:s3:::b/${i}` }))) },
];

describe('validatePolicy: each check fires on its failing case and not on its passing one', () => {
  it.each(CASES)('$code', ({ code, kind = 'identity', inlineFor, failing, passing }) => {
    const options = { kind, inlineFor };
    const failingFindings = validate(failing, options).filter((f) => f.issueCode === code);
    expect(failingFindings.length, `expected ${code} in ${failing}`).toBeGreaterThan(0);
    expect(failingFindings.every((f) => f.findingType === CHECKS[code].type)).toBe(true);
    expect(failingFindings[0]!.message.length).toBeGreaterThan(20);
    expect(codesOf(passing, options), `expected no ${code} in ${passing}`).not.toContain(code);
  });

  it('covers every check the validator declares (apart from CHECK_FAILED, tested below)', () => {
    const covered = new Set(CASES.map((c) => c.code));
    const missing = Object.keys(CHECKS).filter((code) => code !== 'CHECK_FAILED' && !covered.has(code as IssueCode));
    expect(missing).toEqual([]);
  });
});

describe('checks per kind of policy (identity, role trust, permissions boundary, resource)', () => {
  const declaredFor = (kind: PolicyKind): IssueCode[] =>
    (Object.keys(CHECKS) as IssueCode[]).filter((code) => code !== 'CHECK_FAILED' && CHECKS[code].kinds.includes(kind));
  // An identity policy is managed unless it is inline somewhere: some checks (the Version ones) differ.
  const kindCodes = (text: string, kind: PolicyKind): string[] => [...codesOf(text, { kind }), ...(kind === 'identity' ? codesOf(text, { kind, inlineFor: 'user' }) : [])];
  const fires = (code: IssueCode, text: string, kind: PolicyKind): boolean => kindCodes(text, kind).includes(code);

  it.each(POLICY_KINDS)('%s: at least 40 distinct checks, each shown to fire on a policy of this kind', (kind) => {
    const shown = declaredFor(kind).filter((code) => {
      const c = CASES.find((x) => x.code === code)!;
      const variant = c.forKinds?.[kind];
      if (variant) return fires(code, variant.failing, kind) && !fires(code, variant.passing, kind);
      return fires(code, c.failing, kind);
    });
    expect(shown).toEqual(declaredFor(kind));
    expect(shown.length).toBeGreaterThanOrEqual(40);
  });

  it('reports no check on a kind of policy it is not declared for', () => {
    const strays = new Set<string>();
    for (const c of CASES) {
      const texts = [c.failing, c.passing, ...Object.values(c.forKinds ?? {}).flatMap((v) => [v.failing, v.passing])];
      for (const kind of POLICY_KINDS) {
        for (const text of texts) {
          for (const code of kindCodes(text, kind) as IssueCode[]) if (!CHECKS[code].kinds.includes(kind)) strays.add(`${code} in a ${kind} policy`);
        }
      }
    }
    expect([...strays]).toEqual([]);
  });
});

describe('the package README', () => {
  it('documents every issue code with its finding type and kinds (the CLI output is an interface)', () => {
    const readme = readFileSync(join(import.meta.dirname, '../README.md'), 'utf8');
    for (const [code, check] of Object.entries(CHECKS)) {
      const kinds = check.kinds.length === POLICY_KINDS.length ? 'all' : check.kinds.join(', ');
      expect(readme, code).toContain(`| \`${code}\` | ${check.type} | ${check.accessAnalyzer ? 'yes' : 'no'} | ${kinds} |`);
    }
  });
});

describe('validatePolicy: details of individual checks', () => {
  it('suggests the right element name for a case mistake', () => {
    const finding = validate(doc(GOOD).replace('"Effect"', '"effect"')).find((f) => f.issueCode === 'INVALID_POLICY_ELEMENT');
    expect(finding?.message).toMatch(/Did you mean Effect\?/);
  });

  it('says that a statement element at the top level belongs in a statement', () => {
    const finding = validate(JSON.stringify({ Version: '2012-10-17', Effect: 'Allow', Statement: [GOOD] })).find((f) => f.issueCode === 'INVALID_POLICY_ELEMENT');
    expect(finding?.message).toMatch(/into a statement/);
  });

  it('suggests the closest action and operator', () => {
    expect(validate(identity({ Action: 's3:GetObjekt' })).find((f) => f.issueCode === 'UNKNOWN_ACTION')?.message).toMatch(/Did you mean s3:GetObject\?/);
    expect(validate(cond({ stringequals: { 'aws:username': 'a' } })).find((f) => f.issueCode === 'INVALID_CONDITION_OPERATOR')?.message).toMatch(/Did you mean StringEquals\?/);
  });

  it('finds redundant actions across case and wildcards, only within what they cover', () => {
    // Without the catalog: the made-up services below would otherwise fill the findings with INVALID_SERVICE.
    const redundant = (actions: string[]): string[] =>
      validate(identity({ Action: actions, Resource: '*' }), { catalog: undefined }).filter((f) => f.issueCode === 'REDUNDANT_ACTION').map((f) => f.message);
    expect(redundant(['s3:GetObject', 'S3:getobject'])).toEqual(['The action S3:getobject is listed twice in Action; remove it.']);
    expect(redundant(['*', 's3:Get*'])).toEqual(['The action s3:Get* is already covered by * in Action; remove it.']);
    expect(redundant(['s*:Get*', 's3:GetObject'])).toEqual(['The action s3:GetObject is already covered by s*:Get* in Action; remove it.']);
    expect(redundant(['s3:*', 'iam:GetUser', 'sqs:SendMessage'])).toEqual([]);
    const many = Array.from({ length: 3_000 }, (_, i) => `svc${i % 50}:Action${i}`);
    expect(redundant([...many, 'svc7:Action7'])).toEqual(['The action svc7:Action7 is listed twice in Action; remove it.']);
  });

  it('accepts the valid forms of principals, regions and accounts', () => {
    const principals = {
      AWS: ['*', '111122223333', 'arn:aws:iam::111122223333:root', 'arn:aws-us-gov:iam::111122223333:role/path/app', 'arn:aws:sts::111122223333:assumed-role/app/session', 'AROAEXAMPLEID12345678', 'arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E1'],
      Service: ['ec2.amazonaws.com', 'states.us-east-1.amazonaws.com', 'elasticmapreduce.amazonaws.com.cn'],
      CanonicalUser: ['79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be'],
    };
    const text = doc({ ...GOOD_RESOURCE, Principal: principals, Resource: ['arn:aws:s3:::bucket/*', 'arn:aws:sqs:eusc-de-east-1:111122223333:q', 'arn:aws-us-gov:sqs:us-gov-west-1:111122223333:q'] });
    expect(validate(text, { kind: 'resource', catalog: undefined }).filter((f) => f.findingType === 'ERROR')).toEqual([]);
    const federated = doc({ ...GOOD_TRUST, Principal: { Federated: ['cognito-identity.amazonaws.com', 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com'] }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:org/app:*' } } });
    expect(validate(federated, { kind: 'trust' }).filter((f) => f.findingType === 'ERROR')).toEqual([]);
  });

  it('applies the checks of each kind of policy', () => {
    const trustDoc = doc({ ...GOOD_TRUST, Sid: 'Trust me' });
    const errorsAs = (kind: PolicyKind): string[] => validate(trustDoc, { kind }).filter((f) => f.findingType === 'ERROR').map((f) => f.issueCode).sort();
    expect(errorsAs('trust')).toEqual(['UNSUPPORTED_SID']);
    expect(errorsAs('resource')).toEqual(['MISSING_RESOURCE']);
    expect(errorsAs('identity')).toEqual(['MISSING_RESOURCE', 'UNSUPPORTED_PRINCIPAL', 'UNSUPPORTED_SID']);
    expect(validate(trustDoc, { kind: 'boundary' }).find((f) => f.issueCode === 'UNSUPPORTED_PRINCIPAL')?.message).toMatch(/permissions boundary/);
  });

  it('reports a wildcard that matches no action', () => {
    expect(validate(identity({ Action: 's3:Frobnicate*' })).find((f) => f.issueCode === 'UNKNOWN_ACTION')?.message).toMatch(/matches no action/);
  });

  it('uses the quota of the inline policy target', () => {
    const text = policyOfSize(30); // about 3 KB without whitespace
    expect(codesOf(text)).not.toContain('POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA');
    expect(codesOf(text, { inlineFor: 'user' })).toContain('POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA');
    expect(codesOf(text, { inlineFor: 'role' })).not.toContain('POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA');
    expect(codesOf(text, { kind: 'boundary', inlineFor: 'user' })).not.toContain('POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA');
  });

  it('does not count whitespace towards the size quota', () => {
    const compact = policyOfSize(60).replace(/\n\s*/g, '');
    const padded = policyOfSize(60).replace(/,/g, ',' + ' '.repeat(40));
    expect(codesOf(compact)).not.toContain('POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA');
    expect(codesOf(padded)).not.toContain('POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA');
  });

  it('reports privilege escalation through PassRole with a compute service', () => {
    const text = doc(withGood({ Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/*' }), withGood({ Action: ['ec2:RunInstances'], Resource: '*' }));
    expect(validate(text).find((f) => f.issueCode === 'PRIVILEGE_ESCALATION')?.message).toMatch(/iam:PassRole with ec2:RunInstances/);
  });

  it('skips the catalog checks without a catalog, and keeps the rest', () => {
    const text = identity({ Action: 's3:GetObjekt', Resource: '*', Effect: 'allow' });
    const codes = validate(text, { catalog: undefined }).map((f) => f.issueCode);
    expect(codes).toContain('INVALID_EFFECT');
    expect(codes).not.toContain('UNKNOWN_ACTION');
  });

  it('turns a failing check into a CHECK_FAILED finding and still runs the others', () => {
    const broken = new Proxy({}, { get: () => () => { throw new Error('catalog exploded'); } });
    const findings = validate(identity({ Effect: 'allow' }), { catalog: broken as never });
    expect(findings.map((f) => f.issueCode)).toContain('CHECK_FAILED');
    expect(findings.map((f) => f.issueCode)).toContain('INVALID_EFFECT');
  });

  it('gives every finding a learn-more link, Access Analyzer\'s reference for its own codes', () => {
    const findings = validate(identity({ Action: 'iam:PassRole', Resource: '*' }));
    const passRole = findings.find((f) => f.issueCode === 'PASS_ROLE_WITH_STAR_IN_RESOURCE');
    expect(passRole?.learnMoreLink).toBe('https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-security-warning-pass-role-with-star-in-resource');
  });
});
