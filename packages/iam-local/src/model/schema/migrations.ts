import type { Database } from 'better-sqlite3';

/**
 * Changes to tables that already exist in data files written by earlier versions. The schema parts create the
 * original tables (`IF NOT EXISTS`); every file, new or old, then runs the migrations it has not run yet, in order,
 * each in one transaction with the version (SQLite `user_version`) it brings the file to. A migration must keep
 * every row: it adds and fills, it never drops.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'group members listed by user name from an index',
    // GetGroup pages a group's members by user name. Reading the name from iam_users meant joining and sorting
    // every member for each page (40 ms for a 9,000-member group); a copy of the name in the membership row, kept
    // by a trigger through renames, lets an index hand out exactly one page.
    up(db) {
      db.exec(`
ALTER TABLE iam_group_members ADD COLUMN user_name TEXT COLLATE NOCASE;
UPDATE iam_group_members SET user_name = (SELECT u.name FROM iam_users u WHERE u.id = iam_group_members.user_id);
CREATE INDEX iam_group_members_by_name ON iam_group_members (group_id, user_name);
CREATE TRIGGER iam_group_members_user_renamed AFTER UPDATE OF name ON iam_users
BEGIN
  UPDATE iam_group_members SET user_name = NEW.name WHERE user_id = NEW.id;
END;
`);
    },
  },
  {
    version: 2,
    name: 'entity quotas stored per account',
    // Only raised or lowered quotas have a row; the rest are IAM's defaults (account-quotas.ts).
    up(db) {
      db.exec('CREATE TABLE iam_account_quotas (name TEXT PRIMARY KEY, value INTEGER NOT NULL CHECK (value >= 0))');
    },
  },
  {
    version: 3,
    name: 'instance profiles',
    // An instance profile holds at most one role (IAM quota InstanceSessionsPerInstanceProfile: 1), hence the
    // profile id as the key of its role row. Rows reference immutable ids, so a role or profile that still has
    // the other fails its deletion instead of leaving a dangling row.
    up(db) {
      db.exec(`
CREATE TABLE iam_instance_profiles (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE,
  path TEXT NOT NULL,
  create_date TEXT NOT NULL
);
CREATE INDEX iam_instance_profiles_path ON iam_instance_profiles (path);
CREATE TABLE iam_instance_profile_roles (
  profile_id TEXT PRIMARY KEY REFERENCES iam_instance_profiles (id),
  role_id TEXT NOT NULL REFERENCES iam_roles (id)
);
CREATE INDEX iam_instance_profile_roles_role ON iam_instance_profile_roles (role_id);
`);
    },
  },
  {
    version: 4,
    name: 'service-linked roles',
    // service_linked_service: the service principal a service-linked role is linked to (NULL for other roles).
    // A deletion task outlives its role: GetServiceLinkedRoleDeletionStatus answers for it afterwards.
    up(db) {
      db.exec(`
ALTER TABLE iam_roles ADD COLUMN service_linked_service TEXT;
CREATE TABLE iam_slr_deletion_tasks (
  id TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('SUCCEEDED', 'FAILED')),
  reason TEXT,
  create_date TEXT NOT NULL
);
`);
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS.reduce((latest, migration) => Math.max(latest, migration.version), 0);
