// Append-only audit log in SQLite: only INSERT and SELECT statements exist here, and triggers make
// the database itself refuse any UPDATE or DELETE of an entry.
import Database from 'better-sqlite3';

export interface AuditEntryInput {
  time: string;
  callerArn: string | null;
  operation: string;
  target: string;
  result: 'success' | 'failure';
  errorCode?: string | undefined;
  awsRequestId?: string | undefined;
  httpStatus: number;
}

export interface AuditEntry extends AuditEntryInput {
  id: number;
}

interface Row {
  id: number;
  time: string;
  caller_arn: string | null;
  operation: string;
  target: string;
  result: 'success' | 'failure';
  error_code: string | null;
  aws_request_id: string | null;
  http_status: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  time TEXT NOT NULL,
  caller_arn TEXT,
  operation TEXT NOT NULL,
  target TEXT NOT NULL,
  result TEXT NOT NULL CHECK (result IN ('success', 'failure')),
  error_code TEXT,
  aws_request_id TEXT,
  http_status INTEGER NOT NULL
);
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`;

export class AuditLog {
  readonly #db: Database.Database;
  readonly #insert: Database.Statement;
  readonly #page: Database.Statement<[number, number], Row>;

  constructor(file: string) {
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    this.#db.exec(SCHEMA);
    this.#insert = this.#db.prepare(
      `INSERT INTO audit_log (time, caller_arn, operation, target, result, error_code, aws_request_id, http_status)
       VALUES (@time, @callerArn, @operation, @target, @result, @errorCode, @awsRequestId, @httpStatus)`,
    );
    this.#page = this.#db.prepare('SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?');
  }

  append(entry: AuditEntryInput): number {
    const info = this.#insert.run({ ...entry, errorCode: entry.errorCode ?? null, awsRequestId: entry.awsRequestId ?? null });
    return Number(info.lastInsertRowid);
  }

  /** Newest first; `before` is an entry id for paging back. */
  list(options: { limit: number; before?: number | undefined }): AuditEntry[] {
    return this.#page.all(options.before ?? Number.MAX_SAFE_INTEGER, options.limit).map((row) => ({
      id: row.id,
      time: row.time,
      callerArn: row.caller_arn,
      operation: row.operation,
      target: row.target,
      result: row.result,
      ...(row.error_code ? { errorCode: row.error_code } : {}),
      ...(row.aws_request_id ? { awsRequestId: row.aws_request_id } : {}),
      httpStatus: row.http_status,
    }));
  }

  close(): void {
    this.#db.close();
  }
}
