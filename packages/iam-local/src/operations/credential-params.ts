// Whose credentials a call is about: `UserName` when given, otherwise the caller itself (an IAM user acts on
// itself, the root user on the root credentials), as IAM resolves it for keys, MFA devices and passwords.
import type { OperationContext, QueryParams } from '../protocol/operation.ts';
import { IamError } from '../errors.ts';
import type { AuthorizationTarget } from '../auth/authorizer.ts';
import { USER_NAME, optionalString } from '../protocol/params.ts';
import { requireUserOwner, type CredentialOwner } from '../model/credential-owner.ts';
import { userTarget } from './targets.ts';

/** `UserName` validated as IAM's userNameType, or undefined when absent. */
export function userNameParam(params: QueryParams): string | undefined {
  return optionalString(params, 'UserName', USER_NAME);
}

function nonUserCaller(): IamError {
  return new IamError('ValidationError', 'Must specify userName when calling with non-User credentials');
}

/** The owner named by `UserName` (already validated), else the calling user, else root (root callers only). */
export function ownerOf(userName: string | undefined, ctx: OperationContext): CredentialOwner {
  if (userName !== undefined) return requireUserOwner(ctx.state.db, userName);
  if (ctx.caller.kind === 'user' && ctx.caller.userName !== undefined) return requireUserOwner(ctx.state.db, ctx.caller.userName);
  if (ctx.caller.kind === 'root') return { kind: 'root' };
  throw nonUserCaller();
}

/** Like ownerOf, for operations that only apply to IAM users (login profiles, MFA enablement by API). */
export function userOwnerOf(userName: string | undefined, ctx: OperationContext): CredentialOwner & { kind: 'user' } {
  const owner = ownerOf(userName, ctx);
  if (owner.kind !== 'user') throw nonUserCaller();
  return owner;
}

/** Authorization target: the named user (real path, tags, boundary), else the caller's own ARN. */
export function ownerTarget(ctx: OperationContext, action: string, params: QueryParams): AuthorizationTarget {
  if (params.UserName !== undefined) return userTarget(ctx, action, params);
  return { action, resource: ctx.caller.arn };
}
