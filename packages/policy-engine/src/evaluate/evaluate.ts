// One authorization decision per UG "Policy evaluation logic" and "Determining whether a request is allowed or
// denied within an account": explicit deny anywhere wins; then an allow is needed from an identity-based policy
// (limited by the permissions boundary and the session policy) or from a resource-based policy (which, naming
// the caller itself, is not limited by them). A role trust policy must allow on its own; across accounts both
// sides must allow.
import type { CompiledPolicy, CompiledStatement } from './compile.ts';
import { RequestContext } from './context.ts';
import { explainDecision, traceStatement } from './explain.ts';
import { APPLIES_FOR_ACCOUNT, APPLIES_FOR_ROLE, statementOutcome } from './outcome.ts';
import type { AuthorizationRequest, Decision, DeniedBy, EvaluateOptions, PolicyType, StatementRef, StatementTrace } from './types.ts';

interface Match {
  policy: CompiledPolicy;
  statement: CompiledStatement;
}

/** What the statements of one request added up to, before the decision logic. */
export interface Tally {
  denies: Match[];
  allows: Match[];
  present: Record<PolicyType, boolean>;
  identityAllow: boolean;
  boundaryAllow: boolean;
  sessionAllow: boolean;
  resourceAllowDirect: boolean;
  resourceAllowRole: boolean;
  resourceAllowAccount: boolean;
}

function tally(policies: readonly CompiledPolicy[], context: RequestContext): Tally {
  const t: Tally = {
    denies: [],
    allows: [],
    present: { identity: false, permissionsBoundary: false, session: false, resource: false, trust: false },
    identityAllow: false,
    boundaryAllow: false,
    sessionAllow: false,
    resourceAllowDirect: false,
    resourceAllowRole: false,
    resourceAllowAccount: false,
  };
  for (const policy of policies) {
    const type = policy.type;
    t.present[type] = true;
    for (const statement of policy.statements) {
      const outcome = statementOutcome(statement, context);
      if (outcome < 0) continue;
      if (statement.effect === 'Deny') {
        t.denies.push({ policy, statement });
        continue;
      }
      t.allows.push({ policy, statement });
      if (type === 'identity') t.identityAllow = true;
      else if (type === 'permissionsBoundary') t.boundaryAllow = true;
      else if (type === 'session') t.sessionAllow = true;
      else if (outcome === APPLIES_FOR_ROLE) t.resourceAllowRole = true;
      else if (outcome === APPLIES_FOR_ACCOUNT) t.resourceAllowAccount = true;
      else t.resourceAllowDirect = true;
    }
  }
  return t;
}

const DENY_PRIORITY: readonly PolicyType[] = ['identity', 'permissionsBoundary', 'session', 'resource', 'trust'];

/** The outcome before explanations: decision and, for a denial, who blocked it. */
export function decide(t: Tally, context: RequestContext): { decision: Decision['decision']; deniedBy?: DeniedBy } {
  if (t.denies.length > 0) {
    const types = new Set(t.denies.map((d) => d.policy.type));
    const policyType = DENY_PRIORITY.find((p) => types.has(p))!;
    return { decision: 'explicitDeny', deniedBy: { policyType, reason: 'explicitDeny' } };
  }
  const sameAccount = context.resourceAccountId === context.principal.accountId;
  if (context.principalInfo.kind === 'root' && sameAccount) return { decision: 'allowed' };

  const boundaryOk = !t.present.permissionsBoundary || t.boundaryAllow;
  const sessionOk = !t.present.session || t.sessionAllow;
  const identityOk = t.identityAllow && boundaryOk && sessionOk;
  const resourceRoleOk = t.resourceAllowRole && boundaryOk && sessionOk;
  const resourceAny = t.resourceAllowDirect || t.resourceAllowRole || t.resourceAllowAccount;

  let allowed: boolean;
  if (!sameAccount) allowed = identityOk && resourceAny;
  else if (t.present.trust) allowed = t.resourceAllowDirect || resourceRoleOk || (t.resourceAllowAccount && identityOk);
  else allowed = t.resourceAllowDirect || resourceRoleOk || identityOk;
  if (allowed) return { decision: 'allowed' };

  // Which required allow was missing. A trust policy that does not name the caller at all is the first blocker.
  const resourceType: PolicyType = t.present.trust ? 'trust' : 'resource';
  if (t.present.trust && !resourceAny) return { decision: 'implicitDeny', deniedBy: { policyType: 'trust', reason: 'noAllow' } };
  let policyType: PolicyType;
  if (!t.identityAllow && !t.resourceAllowRole) policyType = 'identity';
  else if (!boundaryOk) policyType = 'permissionsBoundary';
  else if (!sessionOk) policyType = 'session';
  else policyType = resourceType;
  return { decision: 'implicitDeny', deniedBy: { policyType, reason: 'noAllow' } };
}

function refOf(m: Match): StatementRef {
  const ref: StatementRef = {
    policyId: m.policy.id,
    policyType: m.policy.type,
    statementIndex: m.statement.index,
    effect: m.statement.effect,
  };
  if (m.policy.name !== undefined) ref.policyName = m.policy.name;
  if (m.statement.sid !== undefined) ref.sid = m.statement.sid;
  if (m.statement.range !== undefined) ref.range = m.statement.range;
  return ref;
}

/**
 * Decides one request against compiled policies of any types (each policy says its own type). Pass every
 * identity-based policy of the principal, at most one permissions boundary, the session policies, and the
 * resource's policy or the role's trust policy. Never throws on policy content.
 */
export function evaluate(request: AuthorizationRequest, policies: readonly CompiledPolicy[], options: EvaluateOptions = {}): Decision {
  const context = new RequestContext(request);
  const t = tally(policies, context);
  const { decision, deniedBy } = decide(t, context);
  const matched = decision === 'explicitDeny' ? t.denies : t.allows;
  const result: Decision = {
    decision,
    matchedStatements: matched.map(refOf),
    explanation: explainDecision(decision, deniedBy, matched, context),
    notes: policies.flatMap((p) => p.notes.map((n) => `${p.name ?? p.id}: ${n}`)),
  };
  if (deniedBy) result.deniedBy = deniedBy;
  if (options.explain) {
    const traces: StatementTrace[] = [];
    for (const policy of policies) {
      for (const statement of policy.statements) {
        traces.push({ ...refOf({ policy, statement }), ...traceStatement(statement, statementOutcome(statement, context), context) });
      }
    }
    result.statements = traces;
  }
  return result;
}

// The evaluation API in one import for callers (iam-local, the simulator): compile once, evaluate many.
export { compilePolicy, type CompiledPolicy } from './compile.ts';
export { accessDeniedMessage, policyTypeLabel } from './explain.ts';
export { contextKeysOf, missingContextKeys } from './context-keys.ts';
export type * from './types.ts';
