import type { SourceRange } from '../source/source-text.ts';

/**
 * The kinds of policy that take part in one authorization decision.
 * `trust` is a role trust policy: a resource-based policy that must itself allow (for `sts:AssumeRole` & co.),
 * unlike other resource-based policies, where an identity-based allow is enough within one account.
 */
export type PolicyType = 'identity' | 'permissionsBoundary' | 'session' | 'resource' | 'trust';

export type Effect = 'Allow' | 'Deny';

export type ContextValue = string | number | boolean | readonly (string | number | boolean)[];

/** Who makes the request. Only `arn` and `accountId` are required; the rest feeds `aws:*` context keys. */
export interface RequestPrincipal {
  /** The caller: `arn:aws:iam::111122223333:user/alice`, `arn:aws:sts::…:assumed-role/Role/session`, `…:root`, or a service name such as `ec2.amazonaws.com`. */
  arn: string;
  accountId: string;
  /** For a role session: the role's ARN with its path (a resource policy naming the role applies to its sessions). */
  roleArn?: string;
  /** Friendly user name; derived from a user ARN when absent. Becomes `aws:username`. */
  userName?: string;
  /** Unique id (`AIDA…`, or `AROA…:session`). Becomes `aws:userid`. */
  userId?: string;
  /** Tags of the user or role (and session tags). Become `aws:PrincipalTag/<key>`. */
  tags?: Readonly<Record<string, string>>;
}

export interface AuthorizationRequest {
  principal: RequestPrincipal;
  /** `service:Action`, matched case-insensitively. */
  action: string;
  /** The resource ARN, or `*` for actions without a resource. Matched case-sensitively. */
  resource: string;
  /** Request context keys (case-insensitive names). Explicit values override those derived from the principal. */
  context?: Readonly<Record<string, ContextValue | undefined>>;
  /** Account that owns the resource; defaults to the principal's account (same-account evaluation). */
  resourceAccountId?: string;
}

export interface PolicyMeta {
  id: string;
  type: PolicyType;
  name?: string;
}

/** Where a statement came from, for "which statement decided" displays. */
export interface StatementRef {
  policyId: string;
  policyType: PolicyType;
  policyName?: string;
  /** Zero-based index in the policy's `Statement` list. */
  statementIndex: number;
  sid?: string;
  effect: Effect;
  /** Range of the statement object in the original text; present when the policy was compiled from a string. */
  range?: SourceRange;
}

export type DecisionKind = 'allowed' | 'explicitDeny' | 'implicitDeny';

/** Which policy type blocked a denied request, and how. */
export interface DeniedBy {
  policyType: PolicyType;
  /** `explicitDeny`: a Deny statement of that type matched; `noAllow`: that type was required to allow and did not. */
  reason: 'explicitDeny' | 'noAllow';
}

/** Why one statement did or did not apply to the request (only computed with `{ explain: true }`). */
export interface StatementTrace extends StatementRef {
  applies: boolean;
  /** Short human reason: "action does not match", "condition StringEquals aws:username: no value matched"… */
  reason: string;
  /** The first condition that did not hold, when that is why the statement does not apply. */
  failedCondition?: FailedCondition;
}

export interface FailedCondition {
  operator: string;
  key: string;
  /** The policy's values as written. */
  values: string[];
  /** The request's values for the key (empty when absent). */
  requestValues: string[];
  /** Range of the `"key": values` pair in the policy text, when compiled from text. */
  range?: SourceRange;
}

export interface Decision {
  decision: DecisionKind;
  /** The statements that decided: the matching Deny statements for an explicit deny, else every matching Allow. */
  matchedStatements: StatementRef[];
  deniedBy?: DeniedBy;
  /** One sentence a person understands. */
  explanation: string;
  /** Problems found in the policies while evaluating (malformed statements never match). */
  notes: string[];
  /** Per-statement reasons, only with `{ explain: true }`. */
  statements?: StatementTrace[];
}

export interface EvaluateOptions {
  /** Also return a trace for every statement (slower; for the simulator's "why"). */
  explain?: boolean;
}
