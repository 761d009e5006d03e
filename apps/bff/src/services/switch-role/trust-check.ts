// Whether a role's trust policy lets a principal assume it, decided by the policy engine as IAM decides it
// (IAM User Guide, "Policy evaluation logic"), and if not, which condition or principal keeps it out. Used to tell a
// person why a switch was refused and which roles they may switch to.
import { compilePolicy, evaluate } from '@iam-console/policy-engine/evaluate/evaluate.ts';
import type { ContextValue, RequestPrincipal } from '@iam-console/policy-engine/evaluate/evaluate.ts';
import { buildArn, parseArn } from '@iam-console/api-contract/arn.ts';
import type { Identity } from '../../session/session-data.ts';

export interface AssumeAttempt {
  /** Who calls AssumeRole. */
  caller: Identity;
  roleArn: string;
  sessionName: string;
  /** The request carries MFA (an MFA session or a code sent with it). */
  mfa: boolean;
  externalId?: string | undefined;
}

export type TrustVerdict =
  | { kind: 'allowed' }
  /** A statement naming the caller does not apply because of this condition. */
  | { kind: 'condition'; key: string; operator: string; values: string[] }
  | { kind: 'explicitDeny'; sid?: string | undefined }
  /** No statement names the caller (or its account). */
  | { kind: 'notTrusted' };

// Stands for the caller's own permission to call sts:AssumeRole (known separately, or being asked about).
const IDENTITY_ALLOWS = compilePolicy(
  { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] },
  { id: 'caller', type: 'identity', name: "the caller's permission" },
);

function principalOf(caller: Identity): RequestPrincipal {
  const arn = parseArn(caller.arn);
  const base = { arn: caller.arn, accountId: caller.accountId, userId: caller.userId };
  if (caller.type === 'user') return { ...base, ...(caller.userName ? { userName: caller.userName } : {}) };
  // A role session: a trust policy may name its role (the path is not in the session ARN; roles are found by name).
  if (caller.type === 'assumed-role' && arn) return { ...base, roleArn: buildArn({ partition: arn.partition, accountId: caller.accountId, resourceType: 'role', name: arn.name }) };
  return base;
}

export function checkTrust(trustDocument: string, attempt: AssumeAttempt, identityAllows = true): TrustVerdict {
  const trust = compilePolicy(trustDocument, { id: 'trust', type: 'trust', name: 'trust policy' });
  const context: Record<string, ContextValue> = { 'sts:RoleSessionName': attempt.sessionName };
  // A long-term key carries no aws:MultiFactorAuthPresent at all; MFA makes it true, fresh.
  if (attempt.mfa) Object.assign(context, { 'aws:MultiFactorAuthPresent': true, 'aws:MultiFactorAuthAge': 0 });
  if (attempt.externalId !== undefined) context['sts:ExternalId'] = attempt.externalId;
  const decision = evaluate(
    { principal: principalOf(attempt.caller), action: 'sts:AssumeRole', resource: attempt.roleArn, context },
    identityAllows ? [trust, IDENTITY_ALLOWS] : [trust],
    { explain: true },
  );
  if (decision.decision === 'allowed') return { kind: 'allowed' };
  if (decision.decision === 'explicitDeny') return { kind: 'explicitDeny', sid: decision.matchedStatements[0]?.sid };
  const failed = decision.statements?.find((s) => s.policyType === 'trust' && s.effect === 'Allow' && s.failedCondition)?.failedCondition;
  if (failed) return { kind: 'condition', key: failed.key, operator: failed.operator, values: failed.values };
  return { kind: 'notTrusted' };
}

export const isMfaKey = (key: string) => /^aws:MultiFactorAuth(Present|Age)$/i.test(key);
export const isExternalIdKey = (key: string) => key.toLowerCase() === 'sts:externalid';

export interface TrustRequirements {
  /** The caller gets in at all (perhaps only with what `requires` names). */
  possible: boolean;
  requires: ('mfa' | 'externalId')[];
}

/**
 * What the caller would need for the trust policy to let it in: MFA (when it could have it) and an external ID
 * (whose value the caller must know). Each missing condition is granted in turn and the policy asked again.
 */
export function trustRequirements(trustDocument: string, attempt: AssumeAttempt, options: { identityAllows: boolean; mfaPossible: boolean }): TrustRequirements {
  const requires: TrustRequirements['requires'] = [];
  let current = attempt;
  for (let round = 0; round < 3; round++) {
    const verdict = checkTrust(trustDocument, current, options.identityAllows);
    if (verdict.kind === 'allowed') return { possible: true, requires };
    if (verdict.kind !== 'condition') break;
    if (isMfaKey(verdict.key) && !current.mfa && options.mfaPossible) {
      requires.push('mfa');
      current = { ...current, mfa: true };
    } else if (isExternalIdKey(verdict.key) && current.externalId === undefined && verdict.values[0] !== undefined) {
      requires.push('externalId');
      current = { ...current, externalId: verdict.values[0] };
    } else break;
  }
  return { possible: false, requires: [] };
}
