// How far a caller's own policies reach beyond resource `*` (services/capabilities/reach.ts): what keeps a control
// although IAM refuses the action on `*`, and what hides it.
import { compilePolicy } from '@iam-console/policy-engine/evaluate/evaluate.ts';
import type { ContextValue, PolicyType } from '@iam-console/policy-engine/evaluate/evaluate.ts';
import { describe, expect, it } from 'vitest';
import { reachOf } from '../src/services/capabilities/reach.ts';

const principal = { arn: 'arn:aws:iam::123456789012:user/bob', accountId: '123456789012', userName: 'bob', userId: 'AIDABOB' };
const doc = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const own = (...policies: [PolicyType, string][]) => ({
  principal,
  policies: policies.map(([type, text], i) => compilePolicy(text, { id: `p${i}`, type })),
});
const noMfa: Record<string, ContextValue> = {};
const mfa: Record<string, ContextValue> = { 'aws:MultiFactorAuthPresent': true };

describe('reachOf', () => {
  it('an Allow scoped to some resources reaches; one for another action does not', () => {
    const policies = own(['identity', doc({ Effect: 'Allow', Action: 'iam:CreateUser', Resource: 'arn:aws:iam::*:user/dev-*' })]);
    expect(reachOf(policies, 'iam:CreateUser', noMfa)).toEqual({ refusedEverywhere: false, allowedSomewhere: true });
    expect(reachOf(policies, 'iam:DeleteRole', noMfa)).toEqual({ refusedEverywhere: false, allowedSomewhere: false });
  });

  it('NotAction counts as the actions it leaves out', () => {
    const policies = own(['identity', doc({ Effect: 'Allow', NotAction: 'iam:Delete*', Resource: 'arn:aws:iam::*:role/app-*' })]);
    expect(reachOf(policies, 'iam:CreateRole', noMfa).allowedSomewhere).toBe(true);
    expect(reachOf(policies, 'iam:DeleteRole', noMfa).allowedSomewhere).toBe(false);
  });

  it('a permissions boundary must name the action too', () => {
    const identity: [PolicyType, string] = ['identity', doc({ Effect: 'Allow', Action: 'iam:*', Resource: 'arn:aws:iam::*:user/dev-*' })];
    const boundary = (action: string): [PolicyType, string] => ['permissionsBoundary', doc({ Effect: 'Allow', Action: action, Resource: '*' })];
    expect(reachOf(own(identity, boundary('iam:CreateUser')), 'iam:CreateUser', noMfa).allowedSomewhere).toBe(true);
    expect(reachOf(own(identity, boundary('iam:CreateGroup')), 'iam:CreateUser', noMfa).allowedSomewhere).toBe(false);
  });

  it('an Allow on MFA reaches an MFA session only; one on a request tag reaches any session', () => {
    const onMfa = own(['identity', doc({ Effect: 'Allow', Action: 'iam:CreateUser', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } })]);
    expect(reachOf(onMfa, 'iam:CreateUser', noMfa).allowedSomewhere).toBe(false);
    expect(reachOf(onMfa, 'iam:CreateUser', mfa).allowedSomewhere).toBe(true);
    const onTag = own(['identity', doc({ Effect: 'Allow', Action: 'iam:CreateUser', Resource: '*', Condition: { StringEquals: { 'aws:RequestTag/team': 'blue' } } })]);
    expect(reachOf(onTag, 'iam:CreateUser', noMfa).allowedSomewhere).toBe(true);
  });

  it('a Deny refuses everywhere only on Resource `*` and with conditions on this session that hold', () => {
    const allow = { Effect: 'Allow', Action: 'iam:*', Resource: '*' };
    const refused = (deny: object, context = noMfa) => reachOf(own(['identity', doc(allow, deny)]), 'iam:DeleteUser', context).refusedEverywhere;
    expect(refused({ Effect: 'Deny', Action: 'iam:DeleteUser', Resource: '*' })).toBe(true);
    expect(refused({ Effect: 'Deny', Action: 'iam:DeleteUser', Resource: 'arn:aws:iam::*:user/admin-*' })).toBe(false);
    expect(refused({ Effect: 'Deny', Action: 'iam:DeleteUser', NotResource: 'arn:aws:iam::*:user/${aws:username}' })).toBe(false);
    const withoutMfa = { Effect: 'Deny', NotAction: 'iam:GetUser', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } };
    expect(refused(withoutMfa)).toBe(true);
    expect(refused(withoutMfa, mfa)).toBe(false);
    expect(refused({ Effect: 'Deny', Action: 'iam:DeleteUser', Resource: '*', Condition: { StringNotEquals: { 'aws:ResourceTag/keep': 'no' } } })).toBe(false);
  });

  it('an account-wide action (authorized on `*` only) needs a statement covering `*`', () => {
    const scoped = own(['identity', doc({ Effect: 'Allow', Action: 'iam:*', Resource: 'arn:aws:iam::*:user/${aws:username}' })]);
    expect(reachOf(scoped, 'iam:UpdateAccountPasswordPolicy', noMfa).allowedSomewhere).toBe(false);
    expect(reachOf(scoped, 'iam:UpdateUser', noMfa).allowedSomewhere).toBe(true);
    const everywhere = own(['identity', doc({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }, { Effect: 'Deny', Action: 'iam:*Account*', NotResource: 'arn:aws:iam::*:user/*' })]);
    expect(reachOf(everywhere, 'iam:CreateAccountAlias', noMfa)).toEqual({ refusedEverywhere: true, allowedSomewhere: true });
  });
});
