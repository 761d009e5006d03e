// How the simulator service talks to IAM: actions in batches of ACTIONS_PER_CALL, every page of each batch followed
// by its Marker, IAM's result shapes turned into the contract's (decision, statements with positions, boundary).
import { describe, expect, it } from 'vitest';
import { ACTIONS_PER_CALL, simulatePrincipal } from '../src/services/policy-simulator.ts';
import { fakeAws } from './helpers/fake-aws.ts';

const PRINCIPAL = 'arn:aws:iam::123456789012:user/dana';

/** IAM answering two pages per call: the first half of the actions, then (given the Marker) the rest. */
function pagedIam() {
  // What each call asked, copied at the time (the paginator reuses one input object, setting Marker on it).
  const asked: [number, unknown][] = [];
  const fake = fakeAws({
    SimulatePrincipalPolicy: (input) => {
      const actions = input.ActionNames as string[];
      asked.push([actions.length, input.Marker]);
      const half = Math.ceil(actions.length / 2);
      const page = input.Marker === undefined ? actions.slice(0, half) : actions.slice(half);
      return {
        EvaluationResults: page.map((a) => ({ EvalActionName: a, EvalResourceName: '*', EvalDecision: 'implicitDeny', MatchedStatements: [], MissingContextValues: [] })),
        IsTruncated: input.Marker === undefined,
        ...(input.Marker === undefined ? { Marker: 'next' } : {}),
      };
    },
  });
  return { fake, asked, iam: fake.makeClients({ accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' }).iam };
}

describe('simulatePrincipal', () => {
  it('sends the actions in batches, follows each batch’s Marker, and keeps the order', async () => {
    const { fake, asked, iam } = pagedIam();
    const actions = Array.from({ length: ACTIONS_PER_CALL * 2 + 7 }, (_, i) => `iam:Action${i}`);
    const answer = await simulatePrincipal(iam, { principalArn: PRINCIPAL, actionNames: actions, resourceArn: '*', contextEntries: [{ key: 'aws:MultiFactorAuthPresent', type: 'boolean', values: ['true'] }] });
    expect(answer.results.map((r) => r.action)).toEqual(actions);
    expect(asked).toEqual([
      [ACTIONS_PER_CALL, undefined], [ACTIONS_PER_CALL, 'next'],
      [ACTIONS_PER_CALL, undefined], [ACTIONS_PER_CALL, 'next'],
      [7, undefined], [7, 'next'],
    ]);
    expect(fake.calls[0]!.input).toMatchObject({
      PolicySourceArn: PRINCIPAL,
      ResourceArns: ['*'],
      ContextEntries: [{ ContextKeyName: 'aws:MultiFactorAuthPresent', ContextKeyType: 'boolean', ContextKeyValues: ['true'] }],
    });
  });

  it('maps IAM’s result: decision, statements with positions, missing context, the boundary’s say, and why', async () => {
    const fake = fakeAws({
      SimulatePrincipalPolicy: () => ({
        EvaluationResults: [{
          EvalActionName: 'ec2:RunInstances',
          EvalResourceName: '*',
          EvalDecision: 'explicitDeny',
          MatchedStatements: [{ SourcePolicyId: 'DeveloperBoundary', SourcePolicyType: 'PermissionsBoundaryPolicy', StartPosition: { Line: 3, Column: 5 }, EndPosition: { Line: 9, Column: 6 } }],
          MissingContextValues: ['aws:RequestedRegion'],
          PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: false },
        }],
        IsTruncated: false,
      }),
    });
    const iam = fake.makeClients({ accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' }).iam;
    const { results } = await simulatePrincipal(iam, { principalArn: PRINCIPAL, actionNames: ['ec2:RunInstances'], resourceArn: '*', contextEntries: [] });
    expect(results).toEqual([{
      action: 'ec2:RunInstances',
      resource: '*',
      decision: 'explicitDeny',
      matchedStatements: [{ sourcePolicyId: 'DeveloperBoundary', sourcePolicyType: 'PermissionsBoundaryPolicy', start: { line: 3, column: 5 }, end: { line: 9, column: 6 } }],
      missingContextValues: ['aws:RequestedRegion'],
      allowedByPermissionsBoundary: false,
      why: 'Explicitly denied by DeveloperBoundary (line 3–9); a Deny overrides every Allow. Conditions use context not supplied: aws:RequestedRegion.',
    }]);
  });
});
