import { describe, expect, it } from 'vitest';
import { policyJsonProblem, STARTER_POLICY } from '../src/features/policies/components/policy-document.ts';
import { trustedEntityProblem, trustPolicyFor } from '../src/features/roles/components/trust-policy.ts';

describe('trust policy for a new role', () => {
  it('trusts a service principal', () => {
    expect(JSON.parse(trustPolicyFor({ kind: 'service', service: 'lambda.amazonaws.com' }))).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'lambda.amazonaws.com' } }],
    });
  });

  it('trusts an account, with external id and MFA conditions only when asked', () => {
    const plain = JSON.parse(trustPolicyFor({ kind: 'account', accountId: '111122223333', requireMfa: false, externalId: '' }));
    expect(plain.Statement[0]).toEqual({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: 'arn:aws:iam::111122223333:root' } });
    const strict = JSON.parse(trustPolicyFor({ kind: 'account', accountId: '111122223333', requireMfa: true, externalId: 'partner-7' }));
    expect(strict.Statement[0].Condition).toEqual({ StringEquals: { 'sts:ExternalId': 'partner-7' }, Bool: { 'aws:MultiFactorAuthPresent': 'true' } });
  });

  it('passes a custom document through unchanged and checks it', () => {
    const document = '{"Version":"2012-10-17","Statement":[]}';
    expect(trustPolicyFor({ kind: 'custom', document })).toBe(document);
    expect(trustedEntityProblem({ kind: 'custom', document })).toBeUndefined();
    expect(trustedEntityProblem({ kind: 'custom', document: '{"Version":' })).toMatch(/not valid JSON/);
    expect(trustedEntityProblem({ kind: 'custom', document: '[]' })).toMatch(/Statement/);
  });

  it('rejects account ids and external ids IAM would refuse', () => {
    expect(trustedEntityProblem({ kind: 'account', accountId: '12345', requireMfa: false, externalId: '' })).toMatch(/12 digits/);
    expect(trustedEntityProblem({ kind: 'account', accountId: '111122223333', requireMfa: false, externalId: 'x' })).toMatch(/external ID/);
    expect(trustedEntityProblem({ kind: 'service', service: 'not a service' })).toMatch(/service principal/);
  });
});

describe('policy document check', () => {
  it('accepts the starter document and explains broken ones', () => {
    expect(policyJsonProblem(STARTER_POLICY)).toBeUndefined();
    expect(policyJsonProblem('')).toBe('Enter a policy document.');
    expect(policyJsonProblem('{"Statement": [}')).toMatch(/not valid JSON/);
    expect(policyJsonProblem('"text"')).toMatch(/JSON object/);
    expect(policyJsonProblem('{"Version":"2012-10-17"}')).toMatch(/Statement/);
  });

  it('counts the size without whitespace against the managed policy quota', () => {
    const statement = { Effect: 'Allow', Action: 'iam:GetUser', Resource: 'x'.repeat(6100) };
    expect(policyJsonProblem(JSON.stringify({ Statement: [statement] }))).toMatch(/6,144/);
    const spaced = `{${' '.repeat(7000)}"Statement": [{"Effect": "Allow", "Action": "iam:GetUser", "Resource": "*"}]}`;
    expect(spaced.length).toBeGreaterThan(6144);
    expect(policyJsonProblem(spaced)).toBeUndefined();
  });
});
