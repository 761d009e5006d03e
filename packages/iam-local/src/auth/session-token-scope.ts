// What credentials from sts:GetSessionToken may call (IAM User Guide, "Comparing AWS STS credentials"): they
// "cannot call IAM API operations unless MFA information is included with the request" and "cannot call AWS STS
// API operations except AssumeRole or GetCallerIdentity". The root user's session credentials follow the same
// rules; assumed-role credentials are not GetSessionToken credentials and are left alone here.
import { IamError } from '../errors.ts';
import type { Caller } from './caller.ts';
import { invalidToken } from './authenticate.ts';

const STS_ACTIONS_ALLOWED = new Set(['AssumeRole', 'GetCallerIdentity']);

/**
 * Temporary credentials of an IAM user or the root user: only GetSessionToken issues those (and the local-only
 * console sign-in, whose sessions are the console's, not GetSessionToken's).
 */
function fromGetSessionToken(caller: Caller): boolean {
  return caller.temporary && caller.kind !== 'assumed-role' && caller.consoleSignIn === undefined;
}

/**
 * IAM does not take a token from a session opened without MFA at all: AWS answers 403 InvalidClientTokenId, the
 * same as for an unknown key, whatever the action. Checked as part of authentication, before the action is read.
 */
export function checkIamAccepts(caller: Caller): void {
  if (fromGetSessionToken(caller) && caller.mfaAuthenticatedAt === undefined) throw invalidToken();
}

/**
 * STS refuses every other action to GetSessionToken credentials, MFA or not, with 403 AccessDenied "Cannot call
 * <Action> with session credentials": AWS's answer for GetSessionToken (and GetFederationToken), as SDK users
 * report it; of STS this endpoint implements only GetCallerIdentity, GetSessionToken and AssumeRole.
 */
export function checkStsAccepts(caller: Caller, action: string): void {
  if (fromGetSessionToken(caller) && !STS_ACTIONS_ALLOWED.has(action)) {
    throw new IamError('AccessDenied', `Cannot call ${action} with session credentials`);
  }
}
