// Temporary credentials issued by STS: an ASIA… key id, a 40-character secret and a session token, valid until
// they expire. GetSessionToken sessions act as their user (or root) with MFA facts; AssumeRole sessions act as
// the role, limited by the session policy.
import { randomBytes } from 'node:crypto';
import type { Db } from './db.ts';
import { newAccessKeyId, newSecretAccessKey } from './access-keys.ts';

export type SessionPrincipal =
  | { kind: 'root' }
  | { kind: 'user'; userId: string }
  | {
      kind: 'role';
      roleId: string;
      roleName: string;
      rolePath: string;
      sessionName: string;
      sourceIdentity?: string | undefined;
      sessionPolicy?: string | undefined;
      sessionTags?: Readonly<Record<string, string>> | undefined;
      /** Keys of sessionTags that pass on to sessions chained from this one. */
      transitiveTagKeys?: readonly string[] | undefined;
      /** Issued to a caller that was itself a role session. */
      chained: boolean;
    };

export interface NewSession {
  principal: SessionPrincipal;
  issuedAt: Date;
  expiresAt: Date;
  mfaAuthenticatedAt?: Date | undefined;
}

export interface StsSession {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  principal: SessionPrincipal;
  issuedAt: Date;
  expiresAt: Date;
  mfaAuthenticatedAt: Date | undefined;
}

interface SessionRow {
  access_key_id: string;
  secret_access_key: string;
  session_token: string;
  principal_kind: 'root' | 'user' | 'role';
  user_id: string | null;
  role_id: string | null;
  role_name: string | null;
  role_path: string | null;
  role_session_name: string | null;
  source_identity: string | null;
  session_policy: string | null;
  session_tags: string | null;
  mfa_authenticated_at: string | null;
  issued_at: string;
  expires_at: string;
  chained: number;
}

/** A session token shaped like AWS's (long, opaque base64); only its equality matters. */
function newSessionToken(): string {
  return `IQoJb3JpZ2luX2VjE${randomBytes(240).toString('base64')}`;
}

/** session_tags holds `[tags, transitiveKeys]` (a plain tags object in rows written before transitive tags). */
function readSessionTags(text: string | null): { sessionTags?: Record<string, string>; transitiveTagKeys?: string[] } {
  if (!text) return {};
  const parsed = JSON.parse(text) as unknown;
  if (Array.isArray(parsed)) return { sessionTags: parsed[0] as Record<string, string>, transitiveTagKeys: parsed[1] as string[] };
  return { sessionTags: parsed as Record<string, string> };
}

function principalOf(row: SessionRow): SessionPrincipal {
  if (row.principal_kind === 'root') return { kind: 'root' };
  if (row.principal_kind === 'user') return { kind: 'user', userId: row.user_id ?? '' };
  return {
    kind: 'role',
    roleId: row.role_id ?? '',
    roleName: row.role_name ?? '',
    rolePath: row.role_path ?? '/',
    sessionName: row.role_session_name ?? '',
    sourceIdentity: row.source_identity ?? undefined,
    sessionPolicy: row.session_policy ?? undefined,
    ...readSessionTags(row.session_tags),
    chained: row.chained === 1,
  };
}

/** Stores new temporary credentials and returns them (the only time the secret and token leave this module). */
export function createSession(db: Db, input: NewSession): StsSession {
  const session: StsSession = {
    accessKeyId: newAccessKeyId('ASIA'),
    secretAccessKey: newSecretAccessKey(),
    sessionToken: newSessionToken(),
    principal: input.principal,
    issuedAt: input.issuedAt,
    expiresAt: input.expiresAt,
    mfaAuthenticatedAt: input.mfaAuthenticatedAt,
  };
  const p = input.principal;
  db.prepare(
    `INSERT INTO sts_sessions (access_key_id, secret_access_key, session_token, principal_kind, user_id, role_id, role_name, role_path,
       role_session_name, source_identity, session_policy, session_tags, mfa_authenticated_at, issued_at, expires_at, chained)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    session.accessKeyId,
    session.secretAccessKey,
    session.sessionToken,
    p.kind,
    p.kind === 'user' ? p.userId : null,
    p.kind === 'role' ? p.roleId : null,
    p.kind === 'role' ? p.roleName : null,
    p.kind === 'role' ? p.rolePath : null,
    p.kind === 'role' ? p.sessionName : null,
    p.kind === 'role' ? (p.sourceIdentity ?? null) : null,
    p.kind === 'role' ? (p.sessionPolicy ?? null) : null,
    p.kind === 'role' && p.sessionTags ? JSON.stringify([p.sessionTags, p.transitiveTagKeys ?? []]) : null,
    input.mfaAuthenticatedAt?.toISOString() ?? null,
    input.issuedAt.toISOString(),
    input.expiresAt.toISOString(),
    p.kind === 'role' && p.chained ? 1 : 0,
  );
  return session;
}

/** The session of a temporary key id, expired or not; undefined when no such key was issued (or it was purged). */
export function findSession(db: Db, accessKeyId: string): StsSession | undefined {
  const row = db.prepare('SELECT * FROM sts_sessions WHERE access_key_id = ?').get(accessKeyId) as SessionRow | undefined;
  if (!row) return undefined;
  return {
    accessKeyId: row.access_key_id,
    secretAccessKey: row.secret_access_key,
    sessionToken: row.session_token,
    principal: principalOf(row),
    issuedAt: new Date(row.issued_at),
    expiresAt: new Date(row.expires_at),
    mfaAuthenticatedAt: row.mfa_authenticated_at ? new Date(row.mfa_authenticated_at) : undefined,
  };
}

/**
 * Deletes sessions that expired more than `graceMs` ago. Recently expired ones are kept so a late request still
 * gets ExpiredToken (as AWS answers) rather than InvalidClientTokenId.
 */
export function purgeExpiredSessions(db: Db, now: Date, graceMs = 24 * 3600 * 1000): number {
  return db.prepare('DELETE FROM sts_sessions WHERE expires_at < ?').run(new Date(now.getTime() - graceMs).toISOString()).changes;
}
