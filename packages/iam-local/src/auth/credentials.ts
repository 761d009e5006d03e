// Who an access key id belongs to: a long-term key (root or IAM user) or temporary credentials from STS.
// The verifier only needs the secret, the session token of temporary credentials and the resulting Caller.
import type { Db } from '../model/db.ts';
import { findAccessKey } from '../model/access-keys.ts';
import { findSession, type StsSession } from '../model/sts-sessions.ts';
import { consoleSessionFacts } from '../model/console-sessions.ts';
import { findUserById } from '../model/users.ts';
import { entityArn } from '../model/names.ts';
import type { Caller } from './caller.ts';

export interface ResolvedCredential {
  secretAccessKey: string;
  /** Temporary credentials: the token the request must carry, and when they stop working. */
  session?: { token: string; expiresAt: Date };
  caller: Caller;
}

/** undefined: no such key, or an inactive one (both are InvalidClientTokenId, as AWS answers). */
export type CredentialResolver = (accessKeyId: string) => ResolvedCredential | undefined;

export function rootCaller(accountId: string, accessKeyId: string): Caller {
  return { kind: 'root', accountId, arn: `arn:aws:iam::${accountId}:root`, userId: accountId, accessKeyId, temporary: false };
}

export function userCaller(accountId: string, user: { id: string; name: string; path: string }, accessKeyId: string): Caller {
  return {
    kind: 'user',
    accountId,
    arn: entityArn(accountId, 'user', user.path, user.name),
    userId: user.id,
    userName: user.name,
    userPath: user.path,
    accessKeyId,
    temporary: false,
  };
}

function sessionCaller(db: Db, accountId: string, session: StsSession): Caller | undefined {
  const p = session.principal;
  const temporaryFacts = {
    temporary: true,
    tokenIssuedAt: session.issuedAt,
    expiresAt: session.expiresAt,
    ...(session.mfaAuthenticatedAt ? { mfaAuthenticatedAt: session.mfaAuthenticatedAt } : {}),
  };
  if (p.kind === 'root') return { ...rootCaller(accountId, session.accessKeyId), ...temporaryFacts };
  if (p.kind === 'user') {
    // A deleted user's sessions stop working.
    const user = findUserById(db, p.userId);
    if (!user) return undefined;
    const consoleSignIn = consoleSessionFacts(db, session.accessKeyId, user.id);
    return { ...userCaller(accountId, user, session.accessKeyId), ...temporaryFacts, ...(consoleSignIn ? { consoleSignIn } : {}) };
  }
  return {
    kind: 'assumed-role',
    accountId,
    arn: `arn:aws:sts::${accountId}:assumed-role/${p.roleName}/${p.sessionName}`,
    userId: `${p.roleId}:${p.sessionName}`,
    roleName: p.roleName,
    roleId: p.roleId,
    roleArn: entityArn(accountId, 'role', p.rolePath, p.roleName),
    sessionName: p.sessionName,
    accessKeyId: session.accessKeyId,
    ...(p.sessionPolicy !== undefined ? { sessionPolicy: p.sessionPolicy } : {}),
    ...(p.sessionTags !== undefined ? { sessionTags: { ...p.sessionTags } } : {}),
    ...(p.transitiveTagKeys !== undefined && p.transitiveTagKeys.length > 0 ? { transitiveTagKeys: [...p.transitiveTagKeys] } : {}),
    ...(p.sourceIdentity !== undefined ? { sourceIdentity: p.sourceIdentity } : {}),
    ...temporaryFacts,
  };
}

/** The resolver over the account database: `AKIA…` from the access keys, `ASIA…` from STS sessions. */
export function databaseCredentials(db: Db, accountId: string): CredentialResolver {
  return (accessKeyId) => {
    if (accessKeyId.startsWith('ASIA')) {
      const session = findSession(db, accessKeyId);
      if (!session) return undefined;
      const caller = sessionCaller(db, accountId, session);
      if (!caller) return undefined;
      return { secretAccessKey: session.secretAccessKey, session: { token: session.sessionToken, expiresAt: session.expiresAt }, caller };
    }
    const key = findAccessKey(db, accessKeyId);
    if (!key || key.status !== 'Active') return undefined;
    const caller =
      key.owner.kind === 'root'
        ? rootCaller(accountId, key.accessKeyId)
        : userCaller(accountId, { id: key.owner.userId, name: key.owner.userName, path: key.owner.path }, key.accessKeyId);
    return { secretAccessKey: key.secretAccessKey, caller };
  };
}
