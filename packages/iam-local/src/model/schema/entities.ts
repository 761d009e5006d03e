import type { SchemaPart } from './schema-part.ts';

// Users, groups, roles, customer managed policies, inline policies, attachments, tags. Later changes to these
// tables are migrations (migrations.ts), so that data files of earlier versions get them too.
// Names are unique case-insensitively (COLLATE NOCASE), as IAM does. Relations point at immutable ids, so a
// rename is one row. AWS managed policies are not stored here (they are read-only data from the build);
// attachments therefore reference policies by ARN.
export const entitiesSchema: SchemaPart = {
  name: 'entities',
  sql: `
CREATE TABLE IF NOT EXISTS iam_users (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE,
  path TEXT NOT NULL,
  create_date TEXT NOT NULL,
  boundary_arn TEXT
);
CREATE INDEX IF NOT EXISTS iam_users_path ON iam_users (path);
CREATE INDEX IF NOT EXISTS iam_users_boundary ON iam_users (boundary_arn) WHERE boundary_arn IS NOT NULL;

CREATE TABLE IF NOT EXISTS iam_groups (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE,
  path TEXT NOT NULL,
  create_date TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS iam_group_members (
  group_id TEXT NOT NULL REFERENCES iam_groups (id),
  user_id TEXT NOT NULL REFERENCES iam_users (id),
  added_seq INTEGER NOT NULL,
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX IF NOT EXISTS iam_group_members_user ON iam_group_members (user_id);
-- The next added_seq / attached_seq is max() + 1: without these an insert reads the whole table.
CREATE INDEX IF NOT EXISTS iam_group_members_seq ON iam_group_members (added_seq);

CREATE TABLE IF NOT EXISTS iam_roles (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE,
  path TEXT NOT NULL,
  create_date TEXT NOT NULL,
  assume_role_policy TEXT NOT NULL,
  description TEXT,
  max_session_duration INTEGER NOT NULL DEFAULT 3600,
  boundary_arn TEXT,
  last_used_date TEXT,
  last_used_region TEXT
);
CREATE INDEX IF NOT EXISTS iam_roles_boundary ON iam_roles (boundary_arn) WHERE boundary_arn IS NOT NULL;

CREATE TABLE IF NOT EXISTS iam_policies (
  id TEXT PRIMARY KEY,
  arn TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE,
  path TEXT NOT NULL,
  description TEXT,
  create_date TEXT NOT NULL,
  update_date TEXT NOT NULL,
  default_version INTEGER NOT NULL,
  next_version INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS iam_policy_versions (
  policy_id TEXT NOT NULL REFERENCES iam_policies (id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  document TEXT NOT NULL,
  create_date TEXT NOT NULL,
  PRIMARY KEY (policy_id, version)
);

-- principal_type: 'user' | 'group' | 'role'
CREATE TABLE IF NOT EXISTS iam_inline_policies (
  principal_type TEXT NOT NULL,
  principal_id TEXT NOT NULL,
  name TEXT NOT NULL,
  document TEXT NOT NULL,
  PRIMARY KEY (principal_type, principal_id, name)
);

CREATE TABLE IF NOT EXISTS iam_attachments (
  principal_type TEXT NOT NULL,
  principal_id TEXT NOT NULL,
  policy_arn TEXT NOT NULL,
  attached_seq INTEGER NOT NULL,
  PRIMARY KEY (principal_type, principal_id, policy_arn)
);
CREATE INDEX IF NOT EXISTS iam_attachments_policy ON iam_attachments (policy_arn);
CREATE INDEX IF NOT EXISTS iam_attachments_seq ON iam_attachments (attached_seq);

-- resource_type: 'user' | 'role' | 'policy' | other owners' types. key_fold is lower(key) where IAM treats
-- keys case-insensitively (users, roles) and the key itself elsewhere.
CREATE TABLE IF NOT EXISTS iam_tags (
  resource_type TEXT NOT NULL,
  resource_id TEXT NOT NULL,
  key_fold TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (resource_type, resource_id, key_fold)
);

-- One row: bumped in the same transaction as any change that can alter a principal's effective policies,
-- so the authorizer can cache compiled policies and compare a single integer.
CREATE TABLE IF NOT EXISTS iam_policy_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);
INSERT OR IGNORE INTO iam_policy_state (id, version) VALUES (1, 0);
`,
};
