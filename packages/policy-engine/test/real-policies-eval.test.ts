// Every policy in fixtures/policies evaluated as the IAM User Guide describes it.
import { describe, expect, it } from 'vitest';
import { compilePolicy, evaluate, type AuthorizationRequest, type ContextValue, type DecisionKind, type PolicyType, type RequestPrincipal } from '../src/evaluate/evaluate.ts';
import { readRealPolicy, REAL_POLICY_FILES } from './fixtures/real-policies.ts';

const ACCOUNT = '111122223333';
const OTHER = '444455556666';

function text(file: string): string {
  const name = REAL_POLICY_FILES.find((f) => f.startsWith(file));
  if (!name) throw new Error(`no real policy ${file}`);
  return readRealPolicy(name);
}

/** Compiles a real policy, replacing the guide's placeholders (account ids, ARNs) with test values. */
function load(file: string, type: PolicyType, placeholders: Record<string, string> = {}) {
  let source = text(file);
  for (const [from, to] of Object.entries(placeholders)) source = source.split(from).join(to);
  return compilePolicy(source, { id: file, type, name: file });
}

function user(name: string, accountId = ACCOUNT): RequestPrincipal {
  return { arn: `arn:aws:iam::${accountId}:user/${name}`, accountId };
}

const userArn = (name: string) => `arn:aws:iam::${ACCOUNT}:user/${name}`;

describe('every real policy compiles without malformed statements', () => {
  const files = REAL_POLICY_FILES;
  it('finds the policies', () => expect(files.length).toBeGreaterThanOrEqual(26));
  it.each(files)('%s', (file) => {
    const type: PolicyType = file.includes('-trust-') ? 'trust' : 'identity';
    const policy = compilePolicy(readRealPolicy(file), { id: file, type });
    expect(policy.statements.length).toBeGreaterThan(0);
    expect(policy.statements.filter((s) => s.problem !== undefined)).toEqual([]);
    expect(policy.statements.every((s) => s.range !== undefined)).toBe(true);
  });
});

type Row = [action: string, resource: string, expected: DecisionKind];

function decide(policies: ReturnType<typeof load>[], principal: RequestPrincipal, action: string, resource: string, context: Record<string, ContextValue> = {}) {
  return evaluate({ principal, action, resource, context }, policies);
}

describe('force-MFA self-service policy (guide-force-mfa-manage-own-credentials)', () => {
  const policy = load('guide-force-mfa-manage-own-credentials', 'identity');
  const alice = user('alice');
  const withoutMfa: Row[] = [
    ['iam:CreateVirtualMFADevice', `arn:aws:iam::${ACCOUNT}:mfa/alice`, 'allowed'],
    ['iam:EnableMFADevice', userArn('alice'), 'allowed'],
    ['iam:ListMFADevices', userArn('alice'), 'allowed'],
    ['iam:ResyncMFADevice', userArn('alice'), 'allowed'],
    ['iam:GetUser', userArn('alice'), 'allowed'],
    ['iam:ListVirtualMFADevices', '*', 'allowed'],
    // The guide: "iam:ChangePassword action should not be allowed without MFA authorization."
    ['iam:ChangePassword', userArn('alice'), 'explicitDeny'],
    ['iam:GetAccountPasswordPolicy', '*', 'explicitDeny'],
    ['iam:CreateAccessKey', userArn('alice'), 'explicitDeny'],
    ['iam:DeactivateMFADevice', userArn('alice'), 'explicitDeny'],
    ['s3:ListAllMyBuckets', '*', 'explicitDeny'],
    ['iam:EnableMFADevice', userArn('bob'), 'implicitDeny'],
    // Listed in NotAction, so not denied; but no statement allows it (and GetSessionToken needs no permission).
    ['sts:GetSessionToken', '*', 'implicitDeny'],
  ];
  const withMfa: Row[] = [
    ['iam:CreateAccessKey', userArn('alice'), 'allowed'],
    ['iam:DeleteAccessKey', userArn('alice'), 'allowed'],
    ['iam:UpdateAccessKey', userArn('alice'), 'allowed'],
    ['iam:ListAccessKeys', userArn('alice'), 'allowed'],
    ['iam:ChangePassword', userArn('alice'), 'allowed'],
    ['iam:DeactivateMFADevice', userArn('alice'), 'allowed'],
    ['iam:UploadSSHPublicKey', userArn('alice'), 'allowed'],
    ['iam:CreateServiceSpecificCredential', userArn('alice'), 'allowed'],
    ['iam:GetAccountPasswordPolicy', '*', 'allowed'],
    ['iam:CreateAccessKey', userArn('bob'), 'implicitDeny'],
    ['iam:DeleteAccessKey', userArn('bob'), 'implicitDeny'],
    ['iam:ChangePassword', userArn('bob'), 'implicitDeny'],
    ['iam:DeactivateMFADevice', userArn('bob'), 'implicitDeny'],
    ['iam:ListUsers', '*', 'implicitDeny'],
    ['iam:CreateUser', userArn('carol'), 'implicitDeny'],
    ['s3:ListAllMyBuckets', '*', 'implicitDeny'],
  ];
  it.each(withoutMfa)('without MFA (key absent): %s on %s → %s', (action, resource, expected) => {
    expect(decide([policy], alice, action, resource).decision).toBe(expected);
  });
  it.each(withoutMfa)('without MFA (key false): %s on %s → %s', (action, resource, expected) => {
    expect(decide([policy], alice, action, resource, { 'aws:MultiFactorAuthPresent': false }).decision).toBe(expected);
  });
  it.each(withMfa)('with MFA: %s on %s → %s', (action, resource, expected) => {
    expect(decide([policy], alice, action, resource, { 'aws:MultiFactorAuthPresent': 'true' }).decision).toBe(expected);
  });
  it('names the deny statement and its source line', () => {
    const d = decide([policy], alice, 'iam:CreateAccessKey', userArn('alice'));
    expect(d.matchedStatements.map((s) => s.sid)).toEqual(['DenyAllExceptListedIfNoMFA']);
    expect(d.matchedStatements[0]!.range!.start.line).toBe(86);
    expect(d.deniedBy).toEqual({ policyType: 'identity', reason: 'explicitDeny' });
  });
});

describe('other self-service policies', () => {
  const alice = user('alice');
  const mfa = { 'aws:MultiFactorAuthPresent': 'true' };
  const cases: Array<[string, string, string, Record<string, ContextValue>, DecisionKind]> = [
    ['guide-change-own-password', 'iam:ChangePassword', userArn('alice'), {}, 'allowed'],
    ['guide-change-own-password', 'iam:ChangePassword', userArn('bob'), {}, 'implicitDeny'],
    ['guide-change-own-password', 'iam:GetAccountPasswordPolicy', '*', {}, 'allowed'],
    ['guide-create-own-access-keys', 'iam:CreateAccessKey', userArn('alice'), {}, 'allowed'],
    ['guide-create-own-access-keys', 'iam:DeleteAccessKey', userArn('alice'), {}, 'implicitDeny'],
    ['guide-rotate-own-access-keys', 'iam:UpdateAccessKey', userArn('alice'), {}, 'allowed'],
    ['guide-rotate-own-access-keys', 'iam:GetAccessKeyLastUsed', userArn('alice'), {}, 'allowed'],
    ['guide-rotate-own-access-keys', 'iam:UpdateAccessKey', userArn('bob'), {}, 'implicitDeny'],
    ['guide-rotate-own-credentials', 'iam:DeleteAccessKey', userArn('alice'), {}, 'allowed'],
    ['guide-rotate-own-credentials', 'iam:ResetServiceSpecificCredential', userArn('alice'), {}, 'allowed'],
    ['guide-rotate-own-credentials', 'iam:ListUsers', '*', {}, 'allowed'],
    ['guide-rotate-own-credentials', 'iam:CreateAccessKey', userArn('bob'), {}, 'implicitDeny'],
    ['guide-manage-own-credentials-no-mfa', 'iam:CreateAccessKey', userArn('alice'), {}, 'allowed'],
    ['guide-manage-own-credentials-no-mfa', 'iam:GetAccountSummary', '*', {}, 'allowed'],
    ['guide-manage-own-credentials-no-mfa', 'iam:CreateAccessKey', userArn('bob'), {}, 'implicitDeny'],
    ['guide-own-password-keys-ssh', 'iam:UploadSSHPublicKey', userArn('alice'), {}, 'allowed'],
    ['guide-own-password-keys-ssh', 'iam:UploadSigningCertificate', userArn('alice'), {}, 'implicitDeny'],
    ['guide-mfa-own-device', 'iam:CreateVirtualMFADevice', `arn:aws:iam::${ACCOUNT}:mfa/alice`, {}, 'allowed'],
    ['guide-mfa-own-device', 'iam:DeactivateMFADevice', userArn('alice'), {}, 'explicitDeny'],
    ['guide-mfa-own-device', 'iam:DeactivateMFADevice', userArn('alice'), mfa, 'allowed'],
    ['guide-mfa-own-device', 'iam:EnableMFADevice', userArn('bob'), mfa, 'implicitDeny'],
    ['guide-resync-own-mfa', 'iam:ResyncMFADevice', userArn('alice'), {}, 'allowed'],
    ['guide-resync-own-mfa', 'iam:ListMFADevices', userArn('bob'), {}, 'implicitDeny'],
    ['guide-resync-own-mfa', 'iam:DeactivateMFADevice', userArn('alice'), mfa, 'implicitDeny'],
    ['guide-resync-own-mfa', 'iam:GetUser', userArn('alice'), {}, 'explicitDeny'],
    ['guide-self-manage-mfa-BlockMostAccess', 'iam:ListUsers', '*', {}, 'allowed'],
    ['guide-self-manage-mfa-BlockMostAccess', 'iam:EnableMFADevice', userArn('alice'), {}, 'allowed'],
    ['guide-self-manage-mfa-BlockMostAccess', 'iam:DeactivateMFADevice', userArn('alice'), {}, 'explicitDeny'],
    ['guide-self-manage-mfa-BlockMostAccess', 'iam:DeactivateMFADevice', userArn('alice'), mfa, 'allowed'],
    ['guide-self-manage-mfa-BlockMostAccess', 'iam:DeactivateMFADevice', userArn('bob'), mfa, 'implicitDeny'],
    ['guide-credential-report', 'iam:GenerateCredentialReport', '*', {}, 'allowed'],
    ['guide-credential-report', 'iam:GetCredentialReport', '*', {}, 'allowed'],
    ['guide-credential-report', 'iam:ListUsers', '*', {}, 'implicitDeny'],
  ];
  it.each(cases)('%s: %s on %s (%j) → %s', (file, action, resource, context, expected) => {
    expect(decide([load(file, 'identity')], alice, action, resource, context).decision).toBe(expected);
  });
});

describe('MFA within dates (guide-mfa-within-dates)', () => {
  const policy = load('guide-mfa-within-dates', 'identity');
  const cases: Array<[string, Record<string, ContextValue>, DecisionKind]> = [
    ['service-prefix-1:AnyThing', { 'aws:MultiFactorAuthPresent': true, 'aws:CurrentTime': '2017-08-01T12:00:00Z' }, 'allowed'],
    ['service-prefix-2:action-name-a', { 'aws:MultiFactorAuthPresent': true, 'aws:CurrentTime': '2017-12-31T23:59:58Z' }, 'allowed'],
    ['service-prefix-2:action-name-c', { 'aws:MultiFactorAuthPresent': true, 'aws:CurrentTime': '2017-08-01T12:00:00Z' }, 'implicitDeny'],
    ['service-prefix-1:AnyThing', { 'aws:MultiFactorAuthPresent': false, 'aws:CurrentTime': '2017-08-01T12:00:00Z' }, 'implicitDeny'],
    ['service-prefix-1:AnyThing', { 'aws:MultiFactorAuthPresent': true, 'aws:CurrentTime': '2018-01-01T00:00:00Z' }, 'implicitDeny'],
    ['service-prefix-1:AnyThing', { 'aws:MultiFactorAuthPresent': true, 'aws:CurrentTime': '2017-06-30T23:59:59Z' }, 'implicitDeny'],
    ['service-prefix-1:AnyThing', { 'aws:MultiFactorAuthPresent': true }, 'implicitDeny'],
  ];
  it.each(cases)('%s with %j → %s', (action, context, expected) => {
    expect(decide([policy], user('alice'), action, '*', context).decision).toBe(expected);
  });
});

describe('permissions boundary example (ShirleyRodriguez)', () => {
  const boundary = load('guide-permissions-boundary-example', 'permissionsBoundary');
  const createUser = compilePolicy({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'iam:CreateUser', Resource: '*' } }, { id: 'create-user', type: 'identity' });
  const s3Admin = compilePolicy({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: ['s3:*', 'iam:*'], Resource: '*' } }, { id: 's3', type: 'identity' });
  const shirley = user('ShirleyRodriguez');
  it('the boundary blocks iam:CreateUser even though the identity policy allows it', () => {
    const d = decide([createUser, boundary], shirley, 'iam:CreateUser', userArn('new'));
    expect(d.decision).toBe('implicitDeny');
    expect(d.deniedBy).toEqual({ policyType: 'permissionsBoundary', reason: 'noAllow' });
    expect(d.matchedStatements.map((s) => s.policyId)).toEqual(['create-user']);
  });
  it('with only that identity policy Shirley can do nothing else', () => {
    expect(decide([createUser, boundary], shirley, 's3:ListAllMyBuckets', '*').deniedBy).toEqual({ policyType: 'identity', reason: 'noAllow' });
  });
  it('allows what both allow, and nothing outside the boundary', () => {
    expect(decide([s3Admin, boundary], shirley, 's3:GetObject', 'arn:aws:s3:::b/k').decision).toBe('allowed');
    expect(decide([s3Admin, boundary], shirley, 'iam:DeleteUser', userArn('x')).decision).toBe('implicitDeny');
  });
  it('the boundary alone grants nothing', () => {
    expect(decide([boundary], shirley, 'ec2:RunInstances', '*').deniedBy).toEqual({ policyType: 'identity', reason: 'noAllow' });
  });
});

describe('role trust policies', () => {
  const roleArn = `arn:aws:iam::${ACCOUNT}:role/TrustedRole`;
  const allowAssume = compilePolicy({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' } }, { id: 'assume', type: 'identity' });
  function assume(principal: RequestPrincipal, trust: ReturnType<typeof load>, context: Record<string, ContextValue>, identity = [allowAssume], action = 'sts:AssumeRole') {
    const req: AuthorizationRequest = { principal, action, resource: roleArn, context, resourceAccountId: ACCOUNT };
    return evaluate(req, [...identity, trust]);
  }

  describe('ExternalId (cross-account third party)', () => {
    const trust = load('guide-trust-externalid', 'trust', { "Example Corp's AWS Account ID": OTHER });
    const partner = user('integrator', OTHER);
    it.each<[Record<string, ContextValue>, DecisionKind]>([
      [{ 'sts:ExternalId': '12345' }, 'allowed'],
      [{ 'sts:ExternalId': '54321' }, 'implicitDeny'],
      [{}, 'implicitDeny'],
    ])('context %j → %s', (context, expected) => {
      const d = assume(partner, trust, context);
      expect(d.decision).toBe(expected);
      if (expected !== 'allowed') expect(d.deniedBy).toEqual({ policyType: 'trust', reason: 'noAllow' });
    });
    it('the partner account must also allow sts:AssumeRole to its user', () => {
      expect(assume(partner, trust, { 'sts:ExternalId': '12345' }, []).deniedBy).toEqual({ policyType: 'identity', reason: 'noAllow' });
    });
    it('a user of another account does not match', () => {
      expect(assume(user('x', '999999999999'), trust, { 'sts:ExternalId': '12345' }).decision).toBe('implicitDeny');
    });
    it('the unreplaced placeholder principal matches nobody and says so', () => {
      const raw = load('guide-trust-externalid', 'trust');
      expect(raw.notes.join(' ')).toContain('matches nobody');
      expect(assume(partner, raw, { 'sts:ExternalId': '12345' }).decision).toBe('implicitDeny');
    });
  });

  describe('MFA required (account root principal)', () => {
    const trust = load('guide-trust-mfa-account-root', 'trust');
    const bob = user('bob', '123456789012');
    const req = (context: Record<string, ContextValue>, identity = [allowAssume]) =>
      evaluate({ principal: bob, action: 'sts:AssumeRole', resource: 'arn:aws:iam::123456789012:role/R', context }, [...identity, trust]);
    it('allows with MFA and an identity allow', () => expect(req({ 'aws:MultiFactorAuthPresent': 'true' }).decision).toBe('allowed'));
    it('denies without MFA', () => expect(req({}).deniedBy).toEqual({ policyType: 'trust', reason: 'noAllow' }));
    it('denies with MFA false', () => expect(req({ 'aws:MultiFactorAuthPresent': false }).decision).toBe('implicitDeny'));
    it('naming the account delegates to identity policies', () => {
      expect(req({ 'aws:MultiFactorAuthPresent': 'true' }, []).deniedBy).toEqual({ policyType: 'identity', reason: 'noAllow' });
    });
  });

  describe('MFA required (account B)', () => {
    const trust = load('guide-trust-mfa-accountB', 'trust', { 'ACCOUNT-B-ID': OTHER });
    it.each<[Record<string, ContextValue>, DecisionKind]>([
      [{ 'aws:MultiFactorAuthPresent': true }, 'allowed'],
      [{ 'aws:MultiFactorAuthPresent': false }, 'implicitDeny'],
      [{}, 'implicitDeny'],
    ])('%j → %s', (context, expected) => {
      expect(assume(user('b-user', OTHER), trust, context).decision).toBe(expected);
    });
  });

  describe('RoleSessionName must be the user name', () => {
    const trust = load('guide-trust-rolesessionname-username', 'trust');
    it.each<[string, Record<string, ContextValue>, DecisionKind]>([
      ['alice', { 'sts:RoleSessionName': 'alice' }, 'allowed'],
      ['alice', { 'sts:RoleSessionName': 'bob' }, 'implicitDeny'],
      ['alice', {}, 'implicitDeny'],
      ['bob', { 'sts:RoleSessionName': 'bob' }, 'allowed'],
    ])('user %s with %j → %s', (name, context, expected) => {
      expect(assume(user(name), trust, context).decision).toBe(expected);
    });
  });

  describe('SourceIdentity', () => {
    const trust = load('guide-trust-sourceidentity', 'trust');
    it('notes the stray space in the principal ARN', () => expect(trust.notes.join(' ')).toContain('surrounding spaces'));
    it.each<[string, string, Record<string, ContextValue>, DecisionKind]>([
      ['AdminUser', 'sts:AssumeRole', { 'sts:SourceIdentity': 'DiegoRamirez' }, 'allowed'],
      ['AdminUser', 'sts:SetSourceIdentity', { 'sts:SourceIdentity': 'DiegoRamirez' }, 'allowed'],
      ['AdminUser', 'sts:AssumeRole', { 'sts:SourceIdentity': 'Someone' }, 'implicitDeny'],
      ['AdminUser', 'sts:AssumeRole', {}, 'implicitDeny'],
      ['OtherUser', 'sts:AssumeRole', { 'sts:SourceIdentity': 'DiegoRamirez' }, 'implicitDeny'],
    ])('%s %s %j → %s', (name, action, context, expected) => {
      // The trust policy names the user itself, so (same account) no identity-based allow is needed.
      expect(assume(user(name), trust, context, [], action).decision).toBe(expected);
    });
  });
});

describe('switch-role and tutorial policies', () => {
  const prod = '999988887777';
  const vars = { 'PRODUCTION-ACCOUNT-ID': prod, 'account-id': ACCOUNT };
  const cases: Array<[string, PolicyType[], string, string, DecisionKind]> = [
    ['guide-switchrole-Test-prefix', ['identity'], 'sts:AssumeRole', `arn:aws:iam::${ACCOUNT}:role/TestAdmin`, 'allowed'],
    ['guide-switchrole-Test-prefix', ['identity'], 'sts:AssumeRole', `arn:aws:iam::${ACCOUNT}:role/ProdAdmin`, 'implicitDeny'],
    ['guide-switchrole-Test-prefix', ['identity'], 'sts:AssumeRole', `arn:aws:iam::${ACCOUNT}:role/test-lower`, 'implicitDeny'],
    ['guide-tutorial-allow-assume-UpdateApp', ['identity'], 'sts:AssumeRole', `arn:aws:iam::${prod}:role/UpdateApp`, 'allowed'],
    ['guide-tutorial-allow-assume-UpdateApp', ['identity'], 'sts:AssumeRole', `arn:aws:iam::${prod}:role/Other`, 'implicitDeny'],
    ['guide-tutorial-deny-assume-UpdateApp', ['identity'], 'sts:AssumeRole', `arn:aws:iam::${prod}:role/UpdateApp`, 'explicitDeny'],
    ['guide-tutorial-productionapp-rw', ['identity'], 's3:ListBucket', 'arn:aws:s3:::productionapp', 'allowed'],
    ['guide-tutorial-productionapp-rw', ['identity'], 's3:GetObject', 'arn:aws:s3:::productionapp/file', 'allowed'],
    ['guide-tutorial-productionapp-rw', ['identity'], 's3:GetObject', 'arn:aws:s3:::productionapp', 'implicitDeny'],
    ['guide-tutorial-productionapp-rw', ['identity'], 's3:DeleteBucket', 'arn:aws:s3:::productionapp', 'implicitDeny'],
    ['guide-tutorial-productionapp-rw', ['identity'], 's3:ListAllMyBuckets', '*', 'allowed'],
  ];
  it.each(cases)('%s: %s on %s → %s', (file, [type], action, resource, expected) => {
    expect(decide([load(file, type!, vars)], user('dev'), action, resource).decision).toBe(expected);
  });
  it('the deny tutorial policy wins over the allow one', () => {
    const policies = [load('guide-tutorial-allow-assume-UpdateApp', 'identity', vars), load('guide-tutorial-deny-assume-UpdateApp', 'identity', vars)];
    expect(decide(policies, user('dev'), 'sts:AssumeRole', `arn:aws:iam::${prod}:role/UpdateApp`).decision).toBe('explicitDeny');
  });
});

describe('deployment policies (SST, Amplify, Up)', () => {
  const cases: Array<[string, string, string, Record<string, ContextValue>, DecisionKind]> = [
    ['sst-000', 'cloudformation:CreateChangeSet', 'arn:aws:cloudformation:us-east-1:112233445566:stack/CDKToolkit/abc', {}, 'allowed'],
    ['sst-000', 'cloudformation:CreateChangeSet', 'arn:aws:cloudformation:us-east-1:112233445566:stack/Other/abc', {}, 'implicitDeny'],
    ['sst-000', 'iam:CreateRole', 'arn:aws:iam::112233445566:role/cdk-hnb659fds-deploy-role-112233445566-us-east-1', {}, 'allowed'],
    ['sst-000', 'iam:CreateRole', 'arn:aws:iam::112233445566:role/admin', {}, 'implicitDeny'],
    ['sst-000', 'lambda:UpdateFunctionConfiguration', 'arn:aws:lambda:us-east-1:112233445566:function:f', { 'aws:ResourceTag/sst:app': 'myapp' }, 'allowed'],
    ['sst-000', 'lambda:UpdateFunctionConfiguration', 'arn:aws:lambda:us-east-1:112233445566:function:f', {}, 'implicitDeny'],
    ['sst-000', 'iot:Publish', '*', {}, 'allowed'],
    ['amplify-002-9', 'appsync:CreateGraphqlApi', '*', {}, 'allowed'],
    ['amplify-002-9', 'iam:PassRole', 'arn:aws:iam::1:role/x', {}, 'allowed'],
    ['amplify-002-9', 'iam:CreateUser', 'arn:aws:iam::1:user/x', {}, 'implicitDeny'],
    ['amplify-002-144', 'sts:AssumeRole', 'arn:aws:iam::1:role/biz', {}, 'implicitDeny'],
    ['up-003', 'lambda:GetFunction', 'arn:aws:lambda:us-east-1:1:function:f', {}, 'allowed'],
    ['up-003', 'lambda:PublishLayerVersion', 'arn:aws:lambda:us-east-1:1:layer:l', {}, 'implicitDeny'],
    ['up-003', 'apigateway:GET', 'arn:aws:apigateway:us-east-1::/restapis', {}, 'allowed'],
    ['up-003', 'logs:DeleteLogGroup', '*', {}, 'implicitDeny'],
  ];
  it.each(cases)('%s: %s on %s → %s', (file, action, resource, context, expected) => {
    expect(decide([load(file, 'identity')], user('deployer'), action, resource, context).decision).toBe(expected);
  });
});
