// Whose credentials the self-service calls are about: always the signed-in principal. IAM answers about the
// caller when UserName is left out (ListAccessKeys, CreateAccessKey, ListMFADevices, …); the few calls that need
// a name (EnableMFADevice, the user's tags) get the caller's own name from the session, never one from the request.
import { ApiError } from '../../http/api-error.ts';
import type { Identity } from '../../session/session-data.ts';

export interface Caller {
  type: 'root' | 'user';
  /** Absent for the root user. */
  userName?: string;
}

/** The caller of a signed-in request; an assumed role has no credentials of its own to manage. */
export function callerOf(identity: Identity | undefined): Caller {
  if (identity?.type === 'user' && identity.userName) return { type: 'user', userName: identity.userName };
  if (identity?.type === 'root') return { type: 'root' };
  throw new ApiError(400, 'NoOwnCredentials', `You are signed in with a role (${identity?.arn ?? 'unknown'}): a role has no passwords, access keys or MFA devices of its own. Switch back to your IAM user to manage them.`);
}

/** `{ UserName }` for calls whose API model requires it; `{}` for the root user, who has no user name. */
export const ownName = (caller: Caller): { UserName?: string } => (caller.userName ? { UserName: caller.userName } : {});

/** The caller's user name where only an IAM user can be meant (tags, EnableMFADevice). */
export function requireUserName(caller: Caller, what: string): string {
  if (caller.userName) return caller.userName;
  throw new ApiError(400, 'NoOwnCredentials', `${what} is for IAM users; the root user manages this in the AWS account's root sign-in.`);
}
