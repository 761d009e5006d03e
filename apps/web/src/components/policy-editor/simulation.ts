// The simulator's request: one principal of a sample account, the context keys a person sets (MFA, user name,
// source IP, time), and which statements to mark for a result. Pure, so it is tested without Monaco.
import type { AuthorizationRequest, Decision, StatementTrace } from '@iam-console/policy-engine/evaluate/types.ts';
import type { PolicyEditorHighlight } from './editor-props.ts';

export const SIMULATION_ACCOUNT = '123456789012';

export interface SimulationInput {
  /** Comma- or space-separated actions. */
  actions: string;
  resource: string;
  mfa: boolean;
  userName: string;
  sourceIp: string;
  /** ISO 8601. */
  currentTime: string;
}

export function parseActions(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((a) => a.trim()).filter(Boolean))];
}

export function simulationRequest(input: SimulationInput, action: string): AuthorizationRequest {
  const userName = input.userName.trim() || 'alice';
  const context: Record<string, string | boolean> = { 'aws:MultiFactorAuthPresent': input.mfa };
  if (input.sourceIp.trim()) context['aws:SourceIp'] = input.sourceIp.trim();
  if (input.currentTime.trim()) context['aws:CurrentTime'] = input.currentTime.trim();
  return {
    principal: { arn: `arn:aws:iam::${SIMULATION_ACCOUNT}:user/${userName}`, accountId: SIMULATION_ACCOUNT, userName },
    action,
    resource: input.resource.trim() || '*',
    context,
  };
}

/** The statements that decided (tinted by effect); for an implicit deny, those whose condition failed. */
export function decidingHighlights(decision: Decision): PolicyEditorHighlight[] {
  const deciding = decision.matchedStatements.flatMap((s) => (s.range ? [{ range: s.range, tone: s.effect === 'Deny' ? ('deny' as const) : ('allow' as const) }] : []));
  if (deciding.length > 0) return deciding;
  return nearMisses(decision).flatMap((s) => (s.range ? [{ range: s.range, tone: 'deny' as const }] : []));
}

/** Statements that would have applied but for a condition: the usual reason for a surprising denial. */
export function nearMisses(decision: Decision): StatementTrace[] {
  return (decision.statements ?? []).filter((s) => !s.applies && s.failedCondition);
}

export function decisionLabel(decision: Decision): string {
  if (decision.decision === 'allowed') return 'Allowed';
  return decision.decision === 'explicitDeny' ? 'Denied (explicit deny)' : 'Denied (implicit deny)';
}
