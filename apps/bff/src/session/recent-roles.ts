// The last roles each principal switched to, for one click (the AWS console keeps the last five on its menu:
// IAM User Guide, "Switching to a role (console)"). Kept in SQLite in the data directory beside the audit log, so
// they outlive sessions and restarts; only what a switch-role link carries is stored, no credential or external ID.
import Database from 'better-sqlite3';

export const RECENT_ROLES_KEPT = 5;

export interface RecentRoleEntry {
  /** The signed-in principal's ARN: whose list it is. */
  principalArn: string;
  roleArn: string;
  account: string;
  accountId: string;
  roleName: string;
  displayName: string;
  color?: string | undefined;
  /** Epoch milliseconds. */
  switchedAt: number;
}

/** Where the recent roles are kept: this SQLite file, or Redis when replicas share sessions (redis-recent-roles.ts). */
export interface RecentRolesStore {
  /** Records a successful switch; the principal keeps its RECENT_ROLES_KEPT most recent roles. */
  record(entry: RecentRoleEntry): void | Promise<void>;
  /** Most recent first. */
  list(principalArn: string): RecentRoleEntry[] | Promise<RecentRoleEntry[]>;
}

interface Row {
  principal_arn: string;
  role_arn: string;
  account: string;
  account_id: string;
  role_name: string;
  display_name: string;
  color: string | null;
  switched_at: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS recent_roles (
  principal_arn TEXT NOT NULL,
  role_arn TEXT NOT NULL,
  account TEXT NOT NULL,
  account_id TEXT NOT NULL,
  role_name TEXT NOT NULL,
  display_name TEXT NOT NULL,
  color TEXT,
  switched_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS recent_roles_by_principal ON recent_roles (principal_arn, role_arn);
`;

const fromRow = (r: Row): RecentRoleEntry => ({
  principalArn: r.principal_arn,
  roleArn: r.role_arn,
  account: r.account,
  accountId: r.account_id,
  roleName: r.role_name,
  displayName: r.display_name,
  ...(r.color ? { color: r.color } : {}),
  switchedAt: r.switched_at,
});

// A switch is re-inserted rather than updated: the rowid then says which switch came last, also within one millisecond.
export class RecentRoles implements RecentRolesStore {
  readonly #db: Database.Database;
  readonly #forget: Database.Statement<[string, string]>;
  readonly #insert: Database.Statement;
  readonly #trim: Database.Statement<[string, string, number]>;
  readonly #list: Database.Statement<[string, number], Row>;

  /** `file` should exist with mode 0600 already (data-dir.ts creates it so): SQLite gives -wal/-shm its mode. */
  constructor(file: string) {
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = NORMAL');
    this.#db.exec(SCHEMA);
    this.#forget = this.#db.prepare('DELETE FROM recent_roles WHERE principal_arn = ? AND role_arn = ?');
    this.#insert = this.#db.prepare(
      `INSERT INTO recent_roles (principal_arn, role_arn, account, account_id, role_name, display_name, color, switched_at)
       VALUES (@principalArn, @roleArn, @account, @accountId, @roleName, @displayName, @color, @switchedAt)`,
    );
    this.#trim = this.#db.prepare(
      `DELETE FROM recent_roles WHERE principal_arn = ? AND rowid NOT IN
         (SELECT rowid FROM recent_roles WHERE principal_arn = ? ORDER BY rowid DESC LIMIT ?)`,
    );
    this.#list = this.#db.prepare('SELECT * FROM recent_roles WHERE principal_arn = ? ORDER BY rowid DESC LIMIT ?');
  }

  /** Records a successful switch; the principal keeps its RECENT_ROLES_KEPT most recent roles. */
  record(entry: RecentRoleEntry): void {
    this.#db.transaction(() => {
      this.#forget.run(entry.principalArn, entry.roleArn);
      this.#insert.run({ ...entry, color: entry.color ?? null });
      this.#trim.run(entry.principalArn, entry.principalArn, RECENT_ROLES_KEPT);
    })();
  }

  /** Most recent first. */
  list(principalArn: string): RecentRoleEntry[] {
    return this.#list.all(principalArn, RECENT_ROLES_KEPT).map(fromRow);
  }

  close(): void {
    this.#db.close();
  }
}
