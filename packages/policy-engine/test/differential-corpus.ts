// A deterministic generated corpus of (policies, request) cases for the differential test against
// @cloud-copilot/iam-simulate. Each case holds plain policy documents and a request in our shape.
import type { AuthorizationRequest, PolicyType, RequestPrincipal } from '../src/evaluate/types.ts';

export const ACCOUNT = '111122223333';
/** A second account, for cross-account requests. */
export const OTHER_ACCOUNT = '444455556666';

export interface CorpusPolicy {
  type: PolicyType;
  document: { Version: string; Statement: object[] };
}

export interface CorpusCase {
  id: number;
  policies: CorpusPolicy[];
  request: AuthorizationRequest;
}

/** mulberry32: small, fast, seeded; the corpus is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Actions with resources of the types they accept (the oracle validates that pairing). */
const RESOURCES_BY_ACTION: Record<string, string[]> = {
  's3:GetObject': ['arn:aws:s3:::bucket/key', 'arn:aws:s3:::bucket/home/alice/notes.txt', 'arn:aws:s3:::other/key'],
  's3:PutObject': ['arn:aws:s3:::bucket/key', 'arn:aws:s3:::bucket/home/bob/x', 'arn:aws:s3:::other/key'],
  's3:ListBucket': ['arn:aws:s3:::bucket', 'arn:aws:s3:::other'],
  'iam:CreateAccessKey': [`arn:aws:iam::${ACCOUNT}:user/alice`, `arn:aws:iam::${ACCOUNT}:user/bob`],
  'iam:GetUser': [`arn:aws:iam::${ACCOUNT}:user/alice`, `arn:aws:iam::${ACCOUNT}:user/carol`],
  'ec2:RunInstances': [`arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-123`],
  'sts:AssumeRole': [`arn:aws:iam::${ACCOUNT}:role/Dev`, `arn:aws:iam::${ACCOUNT}:role/admin/Ops`],
};
const ACTIONS = Object.keys(RESOURCES_BY_ACTION);
const ACTION_PATTERNS = [...ACTIONS, 'S3:getobject', 's3:*', 's3:Get*', 'iam:*AccessKey*', '*', 's3:?etObject', 'ec2:Run*', 'iam:Get?ser', 'sts:*'];
const RESOURCE_PATTERNS = [
  '*',
  'arn:aws:s3:::bucket/*',
  'arn:aws:s3:::bucket',
  'arn:aws:s3:::other/*',
  'arn:aws:s3:::bucket/home/${aws:username}/*',
  'arn:aws:iam::*:user/${aws:username}',
  `arn:aws:iam::${ACCOUNT}:user/*`,
  'arn:aws:ec2:*:*:instance/*',
  'arn:aws:s3:::bucket/?ey',
  "arn:aws:s3:::bucket/${aws:PrincipalTag/team, 'key'}",
  `arn:aws:iam::${ACCOUNT}:role/*`,
  `arn:aws:iam::${ACCOUNT}:role/D?v`,
];

const CONDITIONS: object[] = [
  { StringEquals: { 'aws:PrincipalTag/team': 'blue' } },
  { StringEquals: { 'aws:PrincipalTag/team': ['red', 'blue'] } },
  { StringNotEquals: { 'aws:PrincipalTag/team': 'blue' } },
  { StringEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'BLUE' } },
  { StringNotEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'BLUE' } },
  { StringLike: { 'aws:SourceVpc': ['vpc-${aws:username}-*', ''] } },
  { StringNotLike: { 'aws:SourceVpc': 'vpc-private*' } },
  { StringEqualsIfExists: { 'aws:PrincipalTag/team': 'blue' } },
  { NumericLessThanEquals: { 'aws:MultiFactorAuthAge': '10' } },
  { NumericGreaterThan: { 'aws:MultiFactorAuthAge': '5' } },
  { NumericNotEquals: { 'aws:MultiFactorAuthAge': '7' } },
  { DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } },
  { DateLessThan: { 'aws:CurrentTime': '2025-01-01T00:00:00Z' } },
  { DateNotEquals: { 'aws:CurrentTime': '2022-06-01T00:00:00Z' } },
  { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
  { Bool: { 'aws:SecureTransport': 'false' } },
  { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
  { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
  { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '2001:db8::/32'] } },
  { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
  { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:111122223333:*' } },
  { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:111122223333:topic' } },
  { ArnNotLike: { 'aws:SourceArn': 'arn:aws:sns:*:999999999999:*' } },
  { Null: { 'aws:TokenIssueTime': 'true' } },
  { Null: { 'aws:SourceIp': 'false' } },
  { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['env', 'team'] } },
  { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env', 'team'] } },
  { 'ForAllValues:StringLike': { 'aws:TagKeys': ['e*'] } },
  { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': 'env' } },
  { StringEquals: { 'aws:username': '${aws:PrincipalTag/owner}' } },
  { StringEquals: { 'aws:PrincipalAccount': ACCOUNT } },
  { StringNotEqualsIfExists: { 'aws:SourceVpc': 'vpc-private' } },
  { StringLikeIfExists: { 'aws:SourceVpc': 'vpc-?lice-*' } },
  { NumericEquals: { 'aws:MultiFactorAuthAge': ['3', '20'] } },
  { NumericGreaterThanEqualsIfExists: { 'aws:MultiFactorAuthAge': '7' } },
  // No epoch-seconds date values: the oracle compares them with milliseconds (evaluate-conditions tests them).
  { DateGreaterThanEquals: { 'aws:CurrentTime': '2022-06-01' } },
  { DateLessThanEquals: { 'aws:TokenIssueTime': '2024-01-01T01:00:00+01:00' } },
  { IpAddressIfExists: { 'aws:SourceIp': '198.51.100.0/24' } },
  { NotIpAddress: { 'aws:SourceIp': ['2001:db8::/32', '10.0.0.0/8'] } },
  { ArnNotEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:111122223333:topic' } },
  { ArnLikeIfExists: { 'aws:SourceArn': 'arn:aws:sns:eu-*:*:*' } },
  { Null: { 'aws:PrincipalTag/team': 'false' } },
  { Null: { 'aws:MultiFactorAuthAge': ['true', 'false'] } },
  { 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'sec*' } },
  { 'ForAnyValue:StringLike': { 'aws:TagKeys': ['o*', 'c?st'] } },
  { 'ForAllValues:StringEqualsIgnoreCase': { 'aws:TagKeys': ['ENV', 'TEAM'] } },
  { 'ForAnyValue:StringNotLike': { 'aws:TagKeys': ['e*'] } },
  { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['cost'] } },
  { StringEqualsIgnoreCase: { 'aws:SourceVpc': 'VPC-ALICE-1' } },
  { BoolIfExists: { 'aws:SecureTransport': 'true' } },
  { StringNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/*' } },
  { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:user/*' } },
];

/** Context keys a request may carry, each with candidate values. */
const CONTEXT_VALUES: Record<string, Array<string | string[]>> = {
  'aws:SourceVpc': ['vpc-alice-1', 'vpc-bob-2', 'vpc-private', ''],
  'aws:MultiFactorAuthAge': ['3', '7', '10', '20'],
  'aws:CurrentTime': ['2019-05-05T00:00:00Z', '2022-06-01T00:00:00Z', '2026-01-01T00:00:00Z'],
  'aws:MultiFactorAuthPresent': ['true', 'false'],
  'aws:SecureTransport': ['true', 'false'],
  'aws:SourceIp': ['203.0.113.9', '10.1.2.3', '198.51.100.1', '2001:db8::5'],
  'aws:SourceArn': ['arn:aws:sns:us-east-1:111122223333:topic', 'arn:aws:sns:eu-west-1:999999999999:t'],
  'aws:TokenIssueTime': ['2024-01-01T00:00:00Z'],
  'aws:TagKeys': [['env'], ['env', 'team'], ['env', 'owner'], ['cost']],
};

const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/Dev`;
const CALLERS: RequestPrincipal[] = [
  { arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT, tags: { team: 'blue', owner: 'alice' } },
  { arn: `arn:aws:iam::${ACCOUNT}:user/bob`, accountId: ACCOUNT, tags: { team: 'red' } },
  { arn: `arn:aws:iam::${ACCOUNT}:user/carol`, accountId: ACCOUNT, tags: {} },
  { arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Dev/session1`, accountId: ACCOUNT, roleArn: ROLE_ARN, tags: { team: 'blue' } },
  { arn: `arn:aws:iam::${OTHER_ACCOUNT}:user/dave`, accountId: OTHER_ACCOUNT, tags: { team: 'blue' } },
];
const RESOURCE_PRINCIPALS = (self: string): unknown[] => [
  { AWS: self },
  '*',
  { AWS: `arn:aws:iam::${ACCOUNT}:user/bob` },
  { AWS: `arn:aws:iam::${ACCOUNT}:root` },
  { AWS: ACCOUNT },
  { AWS: ROLE_ARN },
  { AWS: OTHER_ACCOUNT },
  { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:user/dave` },
];

export function generateCorpus(count: number, seed = 20261123): CorpusCase[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const some = <T>(list: readonly T[], max: number): T[] => Array.from({ length: 1 + Math.floor(rnd() * max) }, () => pick(list));

  const statement = (allowResourcePolicy: boolean, principalArn: string) => {
    const s: Record<string, unknown> = { Effect: rnd() < 0.7 ? 'Allow' : 'Deny' };
    s[rnd() < 0.85 ? 'Action' : 'NotAction'] = rnd() < 0.5 ? pick(ACTION_PATTERNS) : some(ACTION_PATTERNS, 3);
    s[rnd() < 0.9 ? 'Resource' : 'NotResource'] = rnd() < 0.5 ? pick(RESOURCE_PATTERNS) : some(RESOURCE_PATTERNS, 3);
    if (allowResourcePolicy) {
      const principals = RESOURCE_PRINCIPALS(principalArn);
      // NotPrincipal only with Allow: with Deny our reading is deliberately stricter than the oracle's.
      if (s.Effect === 'Allow' && rnd() < 0.15) s.NotPrincipal = { AWS: [pick(principals.slice(2)), ...some([ACCOUNT, OTHER_ACCOUNT, principalArn], 2)].flatMap((p) => (typeof p === 'string' ? [p] : [])) };
      else s.Principal = pick(principals);
    }
    if (rnd() < 0.6) {
      const condition: Record<string, Record<string, unknown>> = {};
      for (const c of some(CONDITIONS, 2)) {
        for (const [op, keys] of Object.entries(c)) condition[op] = { ...condition[op], ...(keys as object) };
      }
      s.Condition = condition;
    }
    return s;
  };

  const cases: CorpusCase[] = [];
  for (let id = 0; id < count; id++) {
    const principal = pick(CALLERS);
    const arn = principal.arn;
    const policies: CorpusPolicy[] = [];
    const identityCount = 1 + Math.floor(rnd() * 2);
    for (let i = 0; i < identityCount; i++) {
      policies.push({ type: 'identity', document: { Version: '2012-10-17', Statement: Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => statement(false, arn)) } });
    }
    if (rnd() < 0.3) policies.push({ type: 'permissionsBoundary', document: { Version: '2012-10-17', Statement: [statement(false, arn)] } });
    const action = pick(ACTIONS);
    // A role's resource-based policy is its trust policy, which must allow on its own.
    const resourceType: PolicyType = action === 'sts:AssumeRole' ? 'trust' : 'resource';
    // Requests from the other account reach resources of ACCOUNT: cross-account, so they get a resource policy more often.
    const crossAccount = principal.accountId !== ACCOUNT;
    if (rnd() < (crossAccount ? 0.6 : 0.2)) policies.push({ type: resourceType, document: { Version: '2012-10-17', Statement: [statement(true, arn)] } });
    if (principal.roleArn && rnd() < 0.3) policies.push({ type: 'session', document: { Version: '2012-10-17', Statement: [statement(false, arn)] } });
    const context: Record<string, string | string[]> = {};
    // aws:CurrentTime is always in a real request (our evaluator defaults it to now; the oracle does not).
    for (const [key, values] of Object.entries(CONTEXT_VALUES)) if (key === 'aws:CurrentTime' || rnd() < 0.5) context[key] = pick(values);
    cases.push({
      id,
      policies,
      request: { principal, action, resource: pick(RESOURCES_BY_ACTION[action]!), context, resourceAccountId: ACCOUNT },
    });
  }
  return cases;
}
