// AllowUsersToChangePassword: IAM grants every IAM user iam:ChangePassword on itself and
// iam:GetAccountPasswordPolicy at account level, without any policy (UG "Custom password policy options"). An
// explicit deny (e.g. the force-MFA policy) still wins. The pipeline authorizes with the caller's own policies
// only, so these two operations skip it when the grant applies and decide here with the grant as an extra policy.
import { accessDeniedMessage, compilePolicy } from '@iam-console/policy-engine/evaluate/evaluate.ts';
import { globalContextKeys } from '../auth/authorizer.ts';
import type { OperationContext } from '../protocol/operation.ts';
import { IamError } from '../errors.ts';
import type { AuthorizationTarget } from '../auth/authorizer.ts';
import { usersMayChangeOwnPassword } from '../model/password-policy.ts';

/** True when the caller is an IAM user and the password policy grants users the password actions. */
export function passwordGrantApplies(ctx: OperationContext): boolean {
  return ctx.caller.kind === 'user' && usersMayChangeOwnPassword(ctx.state.db);
}

/** `target` allowed by the caller's policies or by the account-level grant; AccessDenied (AWS wording) otherwise. */
export function authorizeWithPasswordGrant(ctx: OperationContext, target: AuthorizationTarget): void {
  if (!ctx.authorizer) throw new IamError('ServiceFailure', 'No authorizer available.', 500);
  const grant = compilePolicy(
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: target.action, Resource: target.resource }] }),
    { id: 'account-password-policy', type: 'identity', name: 'AllowUsersToChangePassword' },
  );
  const facts = { now: ctx.now, sourceIp: ctx.sourceIp, region: ctx.region };
  const { request, decision } = ctx.authorizer.decide(ctx.caller, target, globalContextKeys(ctx.caller, facts), [grant]);
  if (decision.decision !== 'allowed') throw new IamError('AccessDenied', accessDeniedMessage(request, decision));
}
