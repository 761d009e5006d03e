// How far the caller's own policies reach for one action, beyond the decision on resource `*`. A permission scoped
// to some resources (`user/dev-*`, `user/${aws:username}`) is refused on `*` yet works on those resources, so the
// console may hide a control only when no resource could be allowed: a Deny that covers every resource and holds
// for this session, or no Allow that could apply at all.
import { actionMatches, resourceApplies } from '@iam-console/policy-engine/evaluate/compile.ts';
import type { CompiledStatement } from '@iam-console/policy-engine/evaluate/compile.ts';
import { firstFailingCondition } from '@iam-console/policy-engine/evaluate/conditions.ts';
import { RequestContext } from '@iam-console/policy-engine/evaluate/context.ts';
import type { ContextValue } from '@iam-console/policy-engine/evaluate/evaluate.ts';
import type { OwnPolicies } from './own-policies.ts';

/**
 * Actions without a resource type (Service Authorization Reference, IAM): IAM authorizes them on `*` only, so
 * their statements must cover `*` to count.
 */
const ACCOUNT_ACTIONS = new Set(['iam:updateaccountpasswordpolicy', 'iam:deleteaccountpasswordpolicy', 'iam:createaccountalias', 'iam:deleteaccountalias', 'iam:generatecredentialreport']);

// Context keys that are the same on every request of this session: the principal's own (the engine derives them)
// and MFA. A condition reading only these was decided for the session by the decision on `*`; any other key
// (a request's tags, a resource's tags, the source IP) may hold on another request.
const SESSION_KEYS = new Set(['aws:multifactorauthpresent', 'aws:principalarn', 'aws:principalaccount', 'aws:principaltype', 'aws:username', 'aws:userid']);
const sessionKey = (key: string) => {
  const lower = key.toLowerCase();
  return SESSION_KEYS.has(lower) || lower.startsWith('aws:principaltag/');
};

export interface Reach {
  /** A Deny covers every resource of the action and holds for this session: no call can succeed. */
  refusedEverywhere: boolean;
  /** Some Allow (in an identity policy, and in the permissions boundary when there is one) could apply. */
  allowedSomewhere: boolean;
}

const matchesAction = (s: CompiledStatement, context: RequestContext) => s.problem === undefined && actionMatches(s.actions, context.actionLower) !== s.notAction;

/** Conditions that read only session keys and fail for this session: the statement applies to no request. */
const ruledOutForSession = (s: CompiledStatement, context: RequestContext) =>
  s.conditions.length > 0 && s.contextKeys.every(sessionKey) && firstFailingCondition(s.conditions, context) >= 0;

const coversEveryResource = (s: CompiledStatement, context: RequestContext, accountAction: boolean) =>
  accountAction ? !s.resources || resourceApplies(s.resources, s.notResource, context) : !s.notResource && (s.resources ?? []).some((p) => p.template.source === '*');

export function reachOf(own: OwnPolicies, action: string, sessionContext: Record<string, ContextValue>): Reach {
  const context = new RequestContext({ principal: own.principal, action, resource: '*', context: sessionContext });
  const accountAction = ACCOUNT_ACTIONS.has(context.actionLower);
  const statements = (type: string, effect: 'Allow' | 'Deny') =>
    own.policies.filter((p) => p.type === type || type === 'any').flatMap((p) => p.statements.filter((s) => s.effect === effect && matchesAction(s, context)));
  const refusedEverywhere = statements('any', 'Deny').some(
    (s) => coversEveryResource(s, context, accountAction) && s.contextKeys.every(sessionKey) && firstFailingCondition(s.conditions, context) < 0,
  );
  const mayAllow = (s: CompiledStatement) => !ruledOutForSession(s, context) && (!accountAction || coversEveryResource(s, context, true));
  const hasBoundary = own.policies.some((p) => p.type === 'permissionsBoundary');
  const allowedSomewhere = statements('identity', 'Allow').some(mayAllow) && (!hasBoundary || statements('permissionsBoundary', 'Allow').some(mayAllow));
  return { refusedEverywhere, allowedSomewhere };
}
