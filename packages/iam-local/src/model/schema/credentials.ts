import type { SchemaPart } from './schema-part.ts';

// The account and everything that lets a principal prove who it is: access keys, console passwords, the
// password policy, virtual MFA devices, and the last credential report. Rows that belong to an IAM user point
// at iam_users.id (immutable across renames). Keys, login profiles and assigned MFA devices reference the user
// without ON DELETE so a DeleteUser that skipped the DeleteConflict checks fails instead of losing them;
// password history and usage facts cascade because they have no life of their own.
export const credentialsSchema: SchemaPart = {
  name: 'credentials',
  sql: `
CREATE TABLE IF NOT EXISTS iam_account (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  account_id TEXT NOT NULL,
  alias TEXT,
  create_date TEXT NOT NULL,
  root_password_last_used TEXT
);

-- owner_user_id NULL = the root user's key. Secrets are kept in clear: SigV4 verification needs the secret
-- itself (as AWS does server-side); they never leave the database except through findAccessKey.
CREATE TABLE IF NOT EXISTS iam_access_keys (
  access_key_id TEXT PRIMARY KEY,
  secret_access_key TEXT NOT NULL,
  owner_user_id TEXT REFERENCES iam_users (id),
  status TEXT NOT NULL CHECK (status IN ('Active', 'Inactive')),
  create_date TEXT NOT NULL,
  last_used_date TEXT,
  last_used_region TEXT,
  last_used_service TEXT
);
CREATE INDEX IF NOT EXISTS iam_access_keys_owner ON iam_access_keys (owner_user_id, create_date);

CREATE TABLE IF NOT EXISTS iam_login_profiles (
  user_id TEXT PRIMARY KEY REFERENCES iam_users (id),
  password_hash TEXT NOT NULL,
  create_date TEXT NOT NULL,
  password_changed TEXT NOT NULL,
  reset_required INTEGER NOT NULL DEFAULT 0
);

-- Survives DeleteLoginProfile (GetUser keeps reporting PasswordLastUsed), dies with the user.
CREATE TABLE IF NOT EXISTS iam_password_last_used (
  user_id TEXT PRIMARY KEY REFERENCES iam_users (id) ON DELETE CASCADE,
  last_used TEXT NOT NULL
);

-- Hashes of earlier passwords for PasswordReusePrevention (most recent first by seq).
CREATE TABLE IF NOT EXISTS iam_password_history (
  user_id TEXT NOT NULL REFERENCES iam_users (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  password_hash TEXT NOT NULL,
  PRIMARY KEY (user_id, seq)
);

CREATE TABLE IF NOT EXISTS iam_password_policy (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  minimum_length INTEGER NOT NULL,
  require_symbols INTEGER NOT NULL,
  require_numbers INTEGER NOT NULL,
  require_uppercase INTEGER NOT NULL,
  require_lowercase INTEGER NOT NULL,
  allow_users_to_change INTEGER NOT NULL,
  max_password_age INTEGER,
  reuse_prevention INTEGER,
  hard_expiry INTEGER NOT NULL
);

-- Virtual MFA devices. assigned_to: NULL (unassigned), 'root', or 'user'; user_id set for 'user'.
-- last_counter: the highest TOTP time step accepted, so a code cannot be replayed.
CREATE TABLE IF NOT EXISTS iam_mfa_devices (
  serial_number TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  path TEXT NOT NULL,
  base32_seed TEXT NOT NULL,
  create_date TEXT NOT NULL,
  assigned_to TEXT CHECK (assigned_to IN ('root', 'user')),
  user_id TEXT REFERENCES iam_users (id),
  enable_date TEXT,
  last_counter INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS iam_mfa_devices_user ON iam_mfa_devices (user_id) WHERE user_id IS NOT NULL;

-- The one credential report AWS keeps per account (a new one overwrites it).
CREATE TABLE IF NOT EXISTS iam_credential_report (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  started TEXT NOT NULL,
  generated TEXT NOT NULL,
  content BLOB NOT NULL
);
`,
};
