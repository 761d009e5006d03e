// The simulator's request: one principal of a sample account, the context keys a person sets (MFA and its age,
// user name, source IP, time, principal and resource tags), and which statements to mark for a result. Pure, so it is tested without Monaco.
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
  /** Seconds since MFA sign-in (aws:MultiFactorAuthAge); only sent with MFA present, as AWS does. */
  mfaAge?: string;
  /** `key=value` pairs separated by commas: the principal's tags (aws:PrincipalTag/<key>). */
  principalTags?: string;
  /** `key=value` pairs separated by commas: the resource's tags (aws:ResourceTag/<key>). */
  resourceTags?: string;
}

/** Tags written as `key=value, key2=value2`, or what is wrong with them. */
export function parseTags(text: string): { tags: Record<string, string> } | { problem: string } {
  const tags: Record<string, string> = {};
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const equals = pair.indexOf('=');
    const key = equals > 0 ? pair.slice(0, equals).trim() : '';
    if (!key) return { problem: `Write each tag as key=value; "${pair}" has no key.` };
    tags[key] = pair.slice(equals + 1).trim();
  }
  return { tags };
}

/** Why the context keys cannot be simulated as written, if they cannot. */
export function simulationInputProblem(input: SimulationInput): string | undefined {
  const age = input.mfaAge?.trim() ?? '';
  if (input.mfa && age && !/^\d+$/.test(age)) return 'aws:MultiFactorAuthAge is a number of seconds, such as 3600.';
  for (const text of [input.principalTags, input.resourceTags]) {
    const parsed = parseTags(text ?? '');
    if ('problem' in parsed) return parsed.problem;
  }
  return undefined;
}

const tagsOf = (text: string | undefined) => {
  const parsed = parseTags(text ?? '');
  return 'tags' in parsed ? parsed.tags : {};
};

export function parseActions(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((a) => a.trim()).filter(Boolean))];
}

export function simulationRequest(input: SimulationInput, action: string): AuthorizationRequest {
  const userName = input.userName.trim() || 'alice';
  const context: Record<string, string | number | boolean> = { 'aws:MultiFactorAuthPresent': input.mfa };
  const age = input.mfaAge?.trim() ?? '';
  if (input.mfa && /^\d+$/.test(age)) context['aws:MultiFactorAuthAge'] = Number(age);
  if (input.sourceIp.trim()) context['aws:SourceIp'] = input.sourceIp.trim();
  if (input.currentTime.trim()) context['aws:CurrentTime'] = input.currentTime.trim();
  for (const [key, value] of Object.entries(tagsOf(input.resourceTags))) context[`aws:ResourceTag/${key}`] = value;
  const principalTags = tagsOf(input.principalTags);
  return {
    principal: {
      arn: `arn:aws:iam::${SIMULATION_ACCOUNT}:user/${userName}`,
      accountId: SIMULATION_ACCOUNT,
      userName,
      ...(Object.keys(principalTags).length ? { tags: principalTags } : {}),
    },
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
