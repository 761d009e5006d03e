// /api/policy-simulator: SimulatePrincipalPolicy for one user or role and many actions (IAM User Guide, "Testing IAM
// policies with the IAM policy simulator"; IAM API Reference, SimulatePrincipalPolicy).
import { z } from 'zod';
import { parseArn } from './arn.ts';

/** `service:Action`. The simulator takes no wildcards in action names: each is one action. */
export const ACTION_NAME = /^[a-z0-9-]+:[A-Za-z0-9]+$/;

export function actionProblem(action: string): string | undefined {
  if (action.includes('*') || action.includes('?')) return `${action}: the simulator takes one action each, without wildcards`;
  if (!ACTION_NAME.test(action)) return `${action}: write an action as service:Action, e.g. iam:ListUsers`;
  return undefined;
}

/** The context key types SimulatePrincipalPolicy's ContextEntries accept. */
export const contextKeyType = z.enum(['string', 'stringList', 'numeric', 'numericList', 'boolean', 'booleanList', 'ip', 'ipList', 'date', 'dateList']);
export type ContextKeyType = z.infer<typeof contextKeyType>;

export const contextEntry = z.strictObject({
  key: z.string().min(5).max(256),
  type: contextKeyType,
  values: z.array(z.string().max(1024)).min(1).max(50),
});
export type ContextEntry = z.infer<typeof contextEntry>;

/** The console asks IAM for at most this many actions in one simulation. */
export const MAX_ACTIONS = 200;

export const simulationRequest = z.strictObject({
  /** The user or role whose policies (its groups' and its permissions boundary included) are simulated. */
  principalArn: z.string().max(2048).refine((arn) => {
    const parsed = parseArn(arn);
    return parsed?.service === 'iam' && (parsed.resourceType === 'user' || parsed.resourceType === 'role');
  }, 'Choose a user or a role (its ARN: arn:aws:iam::<account>:user/<name> or …:role/<name>)'),
  actionNames: z.array(z.string().superRefine((action, ctx) => {
    const problem = actionProblem(action);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })).min(1, 'Choose at least one action').max(MAX_ACTIONS),
  /** One resource ARN; `*` (any resource) when left out. */
  resourceArn: z.string().min(1).max(2048).default('*'),
  contextEntries: z.array(contextEntry).max(50).default([]),
});
export type SimulationRequest = z.infer<typeof simulationRequest>;

export const decision = z.enum(['allowed', 'explicitDeny', 'implicitDeny']);
export type Decision = z.infer<typeof decision>;

const position = z.strictObject({ line: z.number().int(), column: z.number().int() });

export const matchedStatement = z.strictObject({
  /** The policy's name (managed), `user/<name>/<policy>` style id (inline), or IAM's own id. */
  sourcePolicyId: z.string(),
  /** `aws-managed`, `user-managed`, `user`, `group`, `role`, `PermissionsBoundaryPolicy`, … as IAM names it. */
  sourcePolicyType: z.string(),
  start: position.optional(),
  end: position.optional(),
});
export type MatchedStatement = z.infer<typeof matchedStatement>;

export const simulationResult = z.strictObject({
  action: z.string(),
  resource: z.string(),
  decision,
  matchedStatements: z.array(matchedStatement),
  /** Condition keys the policies use for this action that the request's context did not supply. */
  missingContextValues: z.array(z.string()),
  /** Whether the permissions boundary alone allows it; absent when the principal has none. */
  allowedByPermissionsBoundary: z.boolean().optional(),
  /** The decision in words. */
  why: z.string(),
});
export type SimulationResult = z.infer<typeof simulationResult>;

export const simulationAnswer = z.strictObject({
  principalArn: z.string(),
  results: z.array(simulationResult),
});
export type SimulationAnswer = z.infer<typeof simulationAnswer>;

const statementName = (s: MatchedStatement) =>
  `${s.sourcePolicyId}${s.start ? ` (line ${s.start.line}${s.end && s.end.line !== s.start.line ? `–${s.end.line}` : ''})` : ''}`;
const names = (statements: readonly MatchedStatement[]) => statements.map(statementName).join(', ');

/** A result's decision in words: which statements decided, what the boundary did, which context was missing. */
export function whyOf(result: Omit<SimulationResult, 'why'>): string {
  const { decision: d, matchedStatements: matched, allowedByPermissionsBoundary: boundary, missingContextValues: missing } = result;
  const parts: string[] = [];
  if (d === 'allowed') {
    parts.push(`Allowed by ${names(matched) || 'a policy'}.`);
    if (boundary === true) parts.push('The permissions boundary allows it too.');
  } else if (d === 'explicitDeny') {
    parts.push(`Explicitly denied by ${names(matched) || 'a Deny statement'}; a Deny overrides every Allow.`);
  } else if (boundary === false) {
    parts.push('Implicitly denied: the permissions boundary does not allow it, so no identity policy can.');
  } else if (matched.length > 0) {
    parts.push(`Implicitly denied: ${names(matched)} matched but no statement allows it.`);
  } else {
    parts.push('Implicitly denied: no statement in the principal’s policies allows it.');
  }
  if (missing.length > 0) parts.push(`Conditions use context not supplied: ${missing.join(', ')}.`);
  return parts.join(' ');
}
