// SimulatePrincipalPolicy for many actions at once: IAM weighs the principal's own, group and permissions boundary
// policies itself from PolicySourceArn. Results come back in pages (Marker); actions go in batches.
import { paginateSimulatePrincipalPolicy } from '@aws-sdk/client-iam';
import type { ContextEntry as SdkContextEntry, EvaluationResult, IAMClient, Position } from '@aws-sdk/client-iam';
import { whyOf } from '@iam-console/api-contract/policy-simulator.ts';
import type { Decision, SimulationAnswer, SimulationRequest, SimulationResult } from '@iam-console/api-contract/policy-simulator.ts';
import { collect, compact, pager } from './shape.ts';

/** Actions per SimulatePrincipalPolicy call: keeps each request well inside IAM's request size. */
export const ACTIONS_PER_CALL = 50;

const DECISIONS: Record<string, Decision> = { allowed: 'allowed', explicitdeny: 'explicitDeny', implicitdeny: 'implicitDeny' };

const position = (p: Position | undefined) => (p?.Line !== undefined && p.Column !== undefined ? { line: p.Line, column: p.Column } : undefined);

export function resultOf(r: EvaluationResult): SimulationResult {
  const result = compact({
    action: r.EvalActionName ?? '',
    resource: r.EvalResourceName ?? '*',
    decision: DECISIONS[(r.EvalDecision ?? '').toLowerCase()] ?? 'implicitDeny',
    matchedStatements: (r.MatchedStatements ?? []).map((s) =>
      compact({ sourcePolicyId: s.SourcePolicyId ?? '', sourcePolicyType: s.SourcePolicyType ?? '', start: position(s.StartPosition), end: position(s.EndPosition) })),
    missingContextValues: r.MissingContextValues ?? [],
    allowedByPermissionsBoundary: r.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary,
  });
  return { ...result, why: whyOf(result) };
}

const contextEntries = (entries: SimulationRequest['contextEntries']): SdkContextEntry[] =>
  entries.map((e) => ({ ContextKeyName: e.key, ContextKeyType: e.type, ContextKeyValues: e.values }));

export async function simulatePrincipal(iam: IAMClient, request: SimulationRequest): Promise<SimulationAnswer> {
  const actions = [...new Set(request.actionNames)];
  const results: SimulationResult[] = [];
  for (let i = 0; i < actions.length; i += ACTIONS_PER_CALL) {
    const pages = paginateSimulatePrincipalPolicy(pager(iam), {
      PolicySourceArn: request.principalArn,
      ActionNames: actions.slice(i, i + ACTIONS_PER_CALL),
      ResourceArns: [request.resourceArn],
      ContextEntries: contextEntries(request.contextEntries),
    });
    results.push(...(await collect(pages, (page) => page.EvaluationResults)).map(resultOf));
  }
  return { principalArn: request.principalArn, results };
}
