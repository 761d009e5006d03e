// Human sentences for decisions and statements, and AWS's AccessDenied message for the embedded endpoint.
import type { CompiledPolicy, CompiledStatement } from './compile.ts';
import { describeFailure } from './conditions.ts';
import type { RequestContext } from './context.ts';
import { ACTION_MISMATCH, APPLIES_FOR_ACCOUNT, APPLIES_FOR_ROLE, CONDITION_FAILED, MALFORMED, PRINCIPAL_MISMATCH, RESOURCE_MISMATCH } from './outcome.ts';
import type { AuthorizationRequest, Decision, DecisionKind, DeniedBy, FailedCondition, PolicyType } from './types.ts';

const TYPE_LABEL: Record<PolicyType, string> = {
  identity: 'identity-based policy',
  permissionsBoundary: 'permissions boundary',
  session: 'session policy',
  resource: 'resource-based policy',
  trust: 'role trust policy',
};

export function policyTypeLabel(type: PolicyType): string {
  return TYPE_LABEL[type];
}

function statementName(policy: CompiledPolicy, statement: CompiledStatement): string {
  const which = statement.sid ? `statement "${statement.sid}"` : `statement ${statement.index}`;
  return `${which} of ${TYPE_LABEL[policy.type]} "${policy.name ?? policy.id}"`;
}

export function explainDecision(
  decision: DecisionKind,
  deniedBy: DeniedBy | undefined,
  matched: readonly { policy: CompiledPolicy; statement: CompiledStatement }[],
  context: RequestContext,
): string {
  const what = `${context.action} on ${context.resource}`;
  if (decision === 'explicitDeny') {
    const first = matched[0];
    return first ? `Explicitly denied ${what} by ${statementName(first.policy, first.statement)}.` : `Explicitly denied ${what}.`;
  }
  if (decision === 'allowed') {
    if (matched.length === 0) return `Allowed ${what}: the account root user has full access to its own account.`;
    return `Allowed ${what} by ${matched.map((m) => statementName(m.policy, m.statement)).join(', ')}.`;
  }
  switch (deniedBy?.policyType) {
    case 'permissionsBoundary':
      return `Implicitly denied ${what}: an allow exists, but the permissions boundary does not allow it.`;
    case 'session':
      return `Implicitly denied ${what}: an allow exists, but the session policy does not allow it.`;
    case 'trust':
      return `Implicitly denied ${what}: the role trust policy does not allow this principal.`;
    case 'resource':
      return `Implicitly denied ${what}: across accounts the resource-based policy must also allow it, and it does not.`;
    default:
      return `Implicitly denied ${what}: no identity-based policy allows it.`;
  }
}

/** Reason and applies-flag of one statement, from its outcome code (see evaluate.ts). */
export function traceStatement(statement: CompiledStatement, outcome: number, context: RequestContext): { applies: boolean; reason: string; failedCondition?: FailedCondition } {
  if (outcome >= 0) {
    const via = outcome === APPLIES_FOR_ROLE ? ' (the principal names the caller\'s role)' : outcome === APPLIES_FOR_ACCOUNT ? ' (the principal names the caller\'s account)' : '';
    return { applies: true, reason: `applies${via}: ${statement.effect === 'Deny' ? 'denies' : 'allows'} the request` };
  }
  switch (outcome) {
    case MALFORMED:
      return { applies: false, reason: `malformed, never matches: ${statement.problem}` };
    case ACTION_MISMATCH:
      return { applies: false, reason: statement.notAction ? 'the action is listed in NotAction' : 'the action does not match' };
    case RESOURCE_MISMATCH:
      return { applies: false, reason: statement.notResource ? 'the resource is listed in NotResource (or a NotResource variable has no value)' : 'the resource does not match' };
    case PRINCIPAL_MISMATCH:
      return { applies: false, reason: statement.notPrincipal ? 'the principal is listed in NotPrincipal' : 'the principal does not match' };
    default: {
      const condition = statement.conditions[CONDITION_FAILED - outcome];
      if (!condition) return { applies: false, reason: 'a condition does not hold' };
      const failedCondition: FailedCondition = {
        operator: condition.operator,
        key: condition.key,
        values: [...condition.rawValues],
        requestValues: [...(context.get(condition.keyLower) ?? [])],
      };
      if (condition.range) failedCondition.range = condition.range;
      return { applies: false, reason: describeFailure(condition, context), failedCondition };
    }
  }
}

/**
 * AWS's AccessDenied message for a denied decision, e.g. "User: arn:… is not authorized to perform: iam:ListUsers
 * on resource: arn:… because no identity-based policy allows the iam:ListUsers action".
 */
export function accessDeniedMessage(request: AuthorizationRequest, decision: Decision): string {
  const base = `User: ${request.principal.arn} is not authorized to perform: ${request.action} on resource: ${request.resource}`;
  const by = decision.deniedBy;
  if (!by || decision.decision === 'allowed') return base;
  const label = by.policyType === 'trust' ? 'resource-based policy' : TYPE_LABEL[by.policyType];
  if (by.reason === 'explicitDeny') return `${base} with an explicit deny in ${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label}`;
  if (by.policyType === 'trust') return base;
  return `${base} because no ${label} allows the ${request.action} action`;
}
