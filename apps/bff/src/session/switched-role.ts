// A session switched to a role acts as the role: its identity and sealed credentials stand in for the sign-in's own,
// which stay in the session for "Back to <user name>". When the role's credentials expire, the session goes back
// to the signed-in principal by itself and says so once (GET /api/session `roleSessionEnded`): falling back is
// what "Back" would do, and a role session cannot be renewed without asking the principal's credentials again.
import type { Session, SessionData } from 'express-session';
import type { SwitchRoleColor } from '@iam-console/api-contract/switch-role-links.ts';
import type { Identity, SignedInState } from './session-data.ts';

/** Who the session acts as: the switched-to role, else the signed-in principal. */
export const actingIdentity = (auth: SignedInState): Identity => auth.switchedRole?.identity ?? auth.identity;

/** The sealed credentials the session calls AWS with (none for the credential chain without a switched role). */
export const actingSealedCredentials = (auth: SignedInState): string | undefined => auth.switchedRole?.sealedCredentials ?? auth.sealedCredentials;

/** Drops a switched role whose credentials expired at `now`, remembering it for the notice; true when it did. */
export function endExpiredRole(session: Session & Partial<SessionData>, now: number): boolean {
  const role = session.auth?.switchedRole;
  if (!role || now < role.expiresAt) return false;
  leaveRole(session);
  session.roleSessionEnded = { roleArn: role.roleArn, displayName: role.displayName, endedAt: role.expiresAt };
  return true;
}

/** Back to the signed-in principal; what IAM allowed the role is no longer known of the caller. */
export function leaveRole(session: Session & Partial<SessionData>): void {
  if (session.auth) delete session.auth.switchedRole;
  delete session.auditReadAllowedAt;
  delete session.capabilities;
}

/** The session answer's identity and switch-role fields; `roleSessionEnded` is told once, then forgotten. */
export function switchView(session: Session & Partial<SessionData>, auth: SignedInState, now: number) {
  endExpiredRole(session, now);
  const role = auth.switchedRole;
  const ended = session.roleSessionEnded;
  if (ended) delete session.roleSessionEnded;
  return {
    identity: actingIdentity(auth),
    ...(role
      ? {
          switchedRole: {
            roleArn: role.roleArn,
            account: role.account,
            accountId: role.identity.accountId,
            roleName: role.roleName,
            displayName: role.displayName,
            ...(role.color ? { color: role.color as SwitchRoleColor } : {}),
            expiresAt: new Date(role.expiresAt).toISOString(),
            signedInAs: auth.identity,
          },
        }
      : {}),
    ...(ended ? { roleSessionEnded: { roleArn: ended.roleArn, displayName: ended.displayName, endedAt: new Date(ended.endedAt).toISOString() } } : {}),
  };
}
