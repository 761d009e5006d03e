// The simulator's request and what it marks in the editor, with the policy engine's real evaluation.
import { describe, expect, it } from 'vitest';
import { compilePolicy, evaluate } from '@iam-console/policy-engine/evaluate/evaluate.ts';
import { decidingHighlights, decisionLabel, nearMisses, parseActions, parseTags, simulationInputProblem, simulationRequest, type SimulationInput } from '../src/components/policy-editor/simulation.ts';

const policy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'ReadOwnUser', Effect: 'Allow', Action: 'iam:GetUser', Resource: 'arn:aws:iam::*:user/${aws:username}' },
    { Sid: 'ManageWithMfa', Effect: 'Allow', Action: 'iam:DeleteUser', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
    { Sid: 'NeverDeleteRoles', Effect: 'Deny', Action: 'iam:DeleteRole', Resource: '*' },
  ],
}, null, 2);
const input: SimulationInput = { actions: '', resource: 'arn:aws:iam::123456789012:user/alice', mfa: false, userName: 'alice', sourceIp: '203.0.113.10', currentTime: '2026-01-01T00:00:00Z' };
const decide = (action: string, over: Partial<SimulationInput> = {}) =>
  evaluate(simulationRequest({ ...input, ...over }, action), [compilePolicy(policy, { id: '0', type: 'identity', name: 'this policy' })], { explain: true });
const statementText = (range: { offset: number; length: number }) => policy.slice(range.offset, range.offset + range.length);

describe('simulator', () => {
  it('reads actions separated by commas or spaces, once each', () => {
    expect(parseActions(' iam:GetUser, iam:DeleteUser iam:GetUser ,')).toEqual(['iam:GetUser', 'iam:DeleteUser']);
  });

  it('makes the request of a user of the sample account with the context keys set', () => {
    const request = simulationRequest({ ...input, mfa: true, resource: ' ' }, 'iam:GetUser');
    expect(request).toEqual({
      principal: { arn: 'arn:aws:iam::123456789012:user/alice', accountId: '123456789012', userName: 'alice' },
      action: 'iam:GetUser',
      resource: '*',
      context: { 'aws:MultiFactorAuthPresent': true, 'aws:SourceIp': '203.0.113.10', 'aws:CurrentTime': '2026-01-01T00:00:00Z' },
    });
  });

  it('marks the allowing statement of an allowed request (the user name fills the policy variable)', () => {
    const decision = decide('iam:GetUser');
    expect(decisionLabel(decision)).toBe('Allowed');
    const [mark] = decidingHighlights(decision);
    expect(mark?.tone).toBe('allow');
    expect(statementText(mark!.range)).toContain('"Sid": "ReadOwnUser"');
    expect(decisionLabel(decide('iam:GetUser', { userName: 'bob' }))).toBe('Denied (implicit deny)');
  });

  it('marks the denying statement of an explicit deny', () => {
    const decision = decide('iam:DeleteRole', { resource: '*' });
    expect(decisionLabel(decision)).toBe('Denied (explicit deny)');
    const marks = decidingHighlights(decision);
    expect(marks.map((m) => m.tone)).toEqual(['deny']);
    expect(statementText(marks[0]!.range)).toContain('NeverDeleteRoles');
  });

  it('for an implicit deny, marks the statement whose condition failed and says which condition', () => {
    const decision = decide('iam:DeleteUser');
    expect(decisionLabel(decision)).toBe('Denied (implicit deny)');
    const [miss] = nearMisses(decision);
    expect(miss?.sid).toBe('ManageWithMfa');
    expect(miss?.failedCondition?.key).toBe('aws:MultiFactorAuthPresent');
    expect(statementText(decidingHighlights(decision)[0]!.range)).toContain('ManageWithMfa');
    expect(decisionLabel(decide('iam:DeleteUser', { mfa: true }))).toBe('Allowed');
  });

  describe('MFA age, principal tags and resource tags', () => {
    const tagged = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'RecentMfa', Effect: 'Allow', Action: 'iam:DeleteUser', Resource: '*', Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } } },
        { Sid: 'SameTeam', Effect: 'Allow', Action: 'ec2:StartInstances', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } } },
      ],
    });
    const run = (action: string, over: Partial<SimulationInput>) =>
      decisionLabel(evaluate(simulationRequest({ ...input, resource: '*', ...over }, action), [compilePolicy(tagged, { id: '0', type: 'identity' })]));

    it('sends the MFA age only with MFA present, and the policy\'s age condition decides on it', () => {
      expect(simulationRequest({ ...input, mfa: true, mfaAge: '600' }, 'iam:GetUser').context).toMatchObject({ 'aws:MultiFactorAuthAge': 600 });
      expect(simulationRequest({ ...input, mfa: false, mfaAge: '600' }, 'iam:GetUser').context).not.toHaveProperty('aws:MultiFactorAuthAge');
      expect(run('iam:DeleteUser', { mfa: true, mfaAge: '600' })).toBe('Allowed');
      expect(run('iam:DeleteUser', { mfa: true, mfaAge: '7200' })).toBe('Denied (implicit deny)');
      expect(run('iam:DeleteUser', { mfa: false, mfaAge: '600' })).toBe('Denied (implicit deny)');
    });

    it('gives the principal its tags and the request the resource\'s tags', () => {
      const request = simulationRequest({ ...input, principalTags: 'team=blue, project = alpha', resourceTags: 'team=blue' }, 'ec2:StartInstances');
      expect(request.principal.tags).toEqual({ team: 'blue', project: 'alpha' });
      expect(request.context).toMatchObject({ 'aws:ResourceTag/team': 'blue' });
      expect(run('ec2:StartInstances', { principalTags: 'team=blue', resourceTags: 'team=blue' })).toBe('Allowed');
      expect(run('ec2:StartInstances', { principalTags: 'team=blue', resourceTags: 'team=red' })).toBe('Denied (implicit deny)');
      expect(run('ec2:StartInstances', { principalTags: '', resourceTags: 'team=blue' })).toBe('Denied (implicit deny)');
    });

    it('refuses tags without a key and an MFA age that is not a number of seconds', () => {
      expect(parseTags('team=blue, =x')).toEqual({ problem: 'Write each tag as key=value; "=x" has no key.' });
      expect(parseTags('empty=')).toEqual({ tags: { empty: '' } });
      expect(simulationInputProblem({ ...input, resourceTags: 'blue' })).toBe('Write each tag as key=value; "blue" has no key.');
      expect(simulationInputProblem({ ...input, mfa: true, mfaAge: 'an hour' })).toBe('aws:MultiFactorAuthAge is a number of seconds, such as 3600.');
      expect(simulationInputProblem({ ...input, mfa: false, mfaAge: 'an hour' })).toBeUndefined();
      expect(simulationInputProblem({ ...input, mfa: true, mfaAge: '60', principalTags: 'a=b' })).toBeUndefined();
    });
  });
});
