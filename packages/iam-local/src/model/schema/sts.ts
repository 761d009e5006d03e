import type { SchemaPart } from './schema-part.ts';

// Temporary credentials issued by STS (GetSessionToken, AssumeRole). A row lives until it expires; the SigV4
// verifier looks sessions up by their ASIA… key id. Users and roles are referenced by immutable id so a rename
// keeps the session working and a deletion ends it (user sessions) or leaves it without permissions (roles).
export const stsSchema: SchemaPart = {
  name: 'sts',
  sql: `
CREATE TABLE IF NOT EXISTS sts_sessions (
  access_key_id TEXT PRIMARY KEY,
  secret_access_key TEXT NOT NULL,
  session_token TEXT NOT NULL,
  -- 'root' | 'user' (GetSessionToken) | 'role' (AssumeRole)
  principal_kind TEXT NOT NULL CHECK (principal_kind IN ('root', 'user', 'role')),
  user_id TEXT,
  role_id TEXT,
  -- role names and paths never change (UpdateRole cannot rename), so the session can carry them
  role_name TEXT,
  role_path TEXT,
  role_session_name TEXT,
  source_identity TEXT,
  session_policy TEXT,
  -- JSON [tags object, transitive tag keys] of AssumeRole Tags / TransitiveTagKeys, or NULL
  session_tags TEXT,
  mfa_authenticated_at TEXT,
  issued_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  -- 1 when issued to a role session (role chaining)
  chained INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS sts_sessions_expiry ON sts_sessions (expires_at);
-- Local-only console sign-ins with a password (src/local/console-sign-in.ts): which user sessions they are, and
-- the user's password (its history sequence number) when the sign-in had to change it. IF NOT EXISTS on every
-- open, so older data files get it too; the row goes with its session.
CREATE TABLE IF NOT EXISTS sts_console_sessions (
  access_key_id TEXT PRIMARY KEY REFERENCES sts_sessions (access_key_id) ON DELETE CASCADE,
  reset_password_seq INTEGER
);
`,
};
