// Principal / NotPrincipal matching in resource-based and trust policies, and garbage input that must never throw.
import { describe, expect, it } from 'vitest';
import { compilePolicy, evaluate, type AuthorizationRequest, type PolicyType, type RequestPrincipal } from '../src/evaluate/evaluate.ts';

const ACCOUNT = '111122223333';
const OTHER = '444455556666';
const alice: RequestPrincipal = { arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT };
const session: RequestPrincipal = { arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Dev/s1`, accountId: ACCOUNT };
const root: RequestPrincipal = { arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT };
const lambda: RequestPrincipal = { arn: 'lambda.amazonaws.com', accountId: ACCOUNT };
const saml: RequestPrincipal = { arn: `arn:aws:iam::${ACCOUNT}:saml-provider/Corp`, accountId: ACCOUNT };

function resourcePolicy(principalElement: Record<string, unknown>, type: PolicyType = 'resource') {
  return compilePolicy(
    { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', ...principalElement } },
    { id: 'rp', type },
  );
}

function decide(principal: RequestPrincipal, policy: ReturnType<typeof resourcePolicy>, extra: Partial<AuthorizationRequest> = {}) {
  return evaluate({ principal, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', ...extra }, [policy]);
}

describe('Principal', () => {
  const cases: Array<[string, Record<string, unknown>, RequestPrincipal, boolean]> = [
    ['"*" matches anyone', { Principal: '*' }, alice, true],
    ['{"AWS": "*"} matches anyone', { Principal: { AWS: '*' } }, session, true],
    ['user ARN matches that user', { Principal: { AWS: alice.arn } }, alice, true],
    ['user ARN does not match another user', { Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/bob` } }, alice, false],
    ['list of principals', { Principal: { AWS: [`arn:aws:iam::${ACCOUNT}:user/bob`, alice.arn] } }, alice, true],
    ['role ARN (any path) matches its sessions', { Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/team/Dev` } }, session, true],
    ['role ARN does not match another role session', { Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/Ops` } }, session, false],
    ['session ARN matches the session', { Principal: { AWS: session.arn } }, session, true],
    ['service principal', { Principal: { Service: 'lambda.amazonaws.com' } }, lambda, true],
    ['service principal is case-insensitive', { Principal: { Service: 'Lambda.amazonaws.com' } }, lambda, true],
    ['other service', { Principal: { Service: 'ec2.amazonaws.com' } }, lambda, false],
    ['federated provider', { Principal: { Federated: saml.arn } }, saml, true],
  ];
  it.each(cases)('%s', (_name, element, principal, applies) => {
    // A Deny shows whether the statement applies, independent of the allow logic.
    const deny = compilePolicy(
      { Version: '2012-10-17', Statement: { Effect: 'Deny', Action: 's3:GetObject', Resource: '*', ...element } },
      { id: 'rp', type: 'resource' },
    );
    expect(decide(principal, deny).decision === 'explicitDeny').toBe(applies);
  });

  const notPrincipalCases: Array<[string, 'Allow' | 'Deny', unknown, RequestPrincipal, boolean]> = [
    ['Deny spares a listed user listed with its account', 'Deny', [alice.arn, ACCOUNT], alice, false],
    ['Deny still applies to a user listed without its account', 'Deny', alice.arn, alice, true],
    ['Deny applies to unlisted principals', 'Deny', [`arn:aws:iam::${ACCOUNT}:user/bob`, ACCOUNT], alice, true],
    ['Deny spares a session listed with its role and account', 'Deny', [session.arn, `arn:aws:iam::${ACCOUNT}:role/Dev`, `arn:aws:iam::${ACCOUNT}:root`], session, false],
    ['Deny applies to a session whose role is not listed', 'Deny', [session.arn, `arn:aws:iam::${ACCOUNT}:root`], session, true],
    ['Deny spares the root user when the account is listed', 'Deny', ACCOUNT, root, false],
    ['Allow leaves out a user named alone', 'Allow', alice.arn, alice, false],
    ['Allow leaves out every principal of a named account', 'Allow', ACCOUNT, alice, false],
    ['Allow leaves out the sessions of a named role', 'Allow', `arn:aws:iam::${ACCOUNT}:role/Dev`, session, false],
    ['Allow applies to principals not named', 'Allow', [`arn:aws:iam::${ACCOUNT}:user/bob`, OTHER], alice, true],
  ];
  it.each(notPrincipalCases)('NotPrincipal: %s', (_name, effect, listed, principal, applies) => {
    const policy = compilePolicy(
      { Version: '2012-10-17', Statement: { Effect: effect, Action: 's3:GetObject', Resource: '*', NotPrincipal: { AWS: listed } } },
      { id: 'rp', type: 'resource' },
    );
    const statement = evaluate({ principal, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }, [policy], { explain: true }).statements![0]!;
    expect(statement.applies).toBe(applies);
  });

  it('an Allow naming the account in a trust policy needs an identity allow; naming the user does not', () => {
    const byAccount = resourcePolicy({ Principal: { AWS: ACCOUNT } }, 'trust');
    const byUser = resourcePolicy({ Principal: { AWS: alice.arn } }, 'trust');
    expect(decide(alice, byAccount).deniedBy).toEqual({ policyType: 'identity', reason: 'noAllow' });
    expect(decide(alice, byUser).decision).toBe('allowed');
  });

  it('a trust policy must allow even when identity policies do', () => {
    const trust = resourcePolicy({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/bob` } }, 'trust');
    const identity = compilePolicy({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*' } }, { id: 'admin', type: 'identity' });
    const d = evaluate({ principal: alice, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }, [identity, trust]);
    expect(d.deniedBy).toEqual({ policyType: 'trust', reason: 'noAllow' });
  });

  it('across accounts the resource policy naming the account is enough on the resource side', () => {
    const policy = resourcePolicy({ Principal: { AWS: `arn:aws:iam::${OTHER}:root` } });
    const identity = compilePolicy({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:*', Resource: '*' } }, { id: 'i', type: 'identity' });
    const caller = { arn: `arn:aws:iam::${OTHER}:user/x`, accountId: OTHER };
    expect(evaluate({ principal: caller, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', resourceAccountId: ACCOUNT }, [identity, policy]).decision).toBe('allowed');
  });

  it.each([
    ['Principal in an identity policy', 'identity', { Principal: '*' }],
    ['resource policy statement without Principal', 'resource', {}],
    ['Principal and NotPrincipal together', 'resource', { Principal: '*', NotPrincipal: { AWS: ACCOUNT } }],
    ['unknown principal type', 'resource', { Principal: { Robot: 'r2d2' } }],
    ['principal list with a number', 'resource', { Principal: { AWS: [1] } }],
    ['principal that is an array', 'resource', { Principal: ['*'] }],
  ] as const)('%s is malformed', (_name, type, element) => {
    const policy = resourcePolicy(element, type);
    expect(policy.statements[0]!.problem).toBeDefined();
    expect(decide(alice, policy).decision).toBe('implicitDeny');
  });
});

describe('garbage in never throws', () => {
  const junk: unknown[] = [null, 0, -1, 1e308, true, '', 'x', [], [null], {}, { a: { b: { c: [] } } }, '*', ['*', 5], { AWS: {} }, '${', '${}', '${aws:username'];
  const elements = ['Version', 'Statement', 'Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal', 'Condition'];
  const types: PolicyType[] = ['identity', 'resource', 'trust', 'permissionsBoundary', 'session'];
  const base = { Sid: 'S', Effect: 'Allow', Action: 's3:*', Resource: '*' };

  it('wrong types in every element of a statement', () => {
    for (const type of types) {
      for (const element of elements) {
        for (const value of junk) {
          const statement = { ...base, [element]: value };
          const doc = element === 'Version' || element === 'Statement' ? { Version: '2012-10-17', Statement: [base], [element]: value } : { Version: '2012-10-17', Statement: [statement] };
          const policy = compilePolicy(doc, { id: 'j', type });
          expect(() => evaluate({ principal: alice, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: { k: 'v' } }, [policy], { explain: true })).not.toThrow();
        }
      }
    }
  });

  it('wrong types inside conditions', () => {
    for (const value of junk) {
      for (const operator of ['StringLike', 'NumericEquals', 'DateLessThan', 'Bool', 'IpAddress', 'ArnLike', 'Null', 'BinaryEquals', 'ForAnyValue:StringEquals']) {
        const policy = compilePolicy({ Version: '2012-10-17', Statement: { ...base, Condition: { [operator]: { 'aws:x': value } } } }, { id: 'j', type: 'identity' });
        expect(() => evaluate({ principal: alice, action: 's3:GetObject', resource: 'x', context: { 'aws:x': ['a', 'b'] } }, [policy], { explain: true })).not.toThrow();
      }
    }
  });

  it('huge and deeply nested texts', () => {
    const huge = '{"Version":"2012-10-17","Statement":[' + Array.from({ length: 20_000 }, (_, i) => `{"Sid":"S${i}","Effect":"Deny","Action":"x:${i}","Resource":"*"}`).join(',') + ']}';
    expect(huge.length).toBeGreaterThan(1_000_000);
    const policy = compilePolicy(huge, { id: 'huge', type: 'identity' });
    expect(policy.statements).toHaveLength(20_000);
    expect(evaluate({ principal: alice, action: 'x:19999', resource: '*' }, [policy]).matchedStatements[0]?.sid).toBe('S19999');
    for (const text of ['{'.repeat(50_000), '"' + 'a'.repeat(1_000_000), '\u0000\uffff', '[' + '1,'.repeat(100_000) + '1]']) {
      expect(() => evaluate({ principal: alice, action: 's3:GetObject', resource: '*' }, [compilePolicy(text, { id: 'g', type: 'identity' })])).not.toThrow();
    }
  });

  it('odd requests', () => {
    const policy = compilePolicy({ Version: '2012-10-17', Statement: { ...base, Resource: 'arn:aws:s3:::b/${aws:username}' } }, { id: 'p', type: 'identity' });
    for (const principal of [{ arn: '', accountId: '' }, { arn: 'arn:', accountId: 'x' }, { arn: '*', accountId: '' }, { arn: 'arn:aws:sts::1:assumed-role', accountId: '1' }]) {
      expect(evaluate({ principal, action: '', resource: '', context: { '': '', 'aws:username': [] } }, [policy], { explain: true }).decision).toBe('implicitDeny');
    }
  });
});
