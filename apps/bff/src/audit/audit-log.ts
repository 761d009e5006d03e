// Append-only audit log in SQLite: only INSERT and SELECT statements exist here, and triggers make
// the database itself refuse any UPDATE or DELETE of an entry. Every stored field has a length bound, so no
// request can make one entry large.
import Database from 'better-sqlite3';
import type { AuditFilters } from '@iam-console/api-contract/audit.ts';
import { FIELD_LIMITS, storedValues, toEntry, toPage } from './audit-store.ts';
import type { AuditEntry, AuditEntryInput, AuditListOptions, AuditPage, AuditStore, StoredRow } from './audit-store.ts';

export { FIELD_LIMITS };
export type { AuditEntry, AuditEntryInput, AuditListOptions, AuditPage };


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
  http_status INTEGER NOT NULL,
  count INTEGER NOT NULL DEFAULT 1
);
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`;


// One condition per filter; a query holds only those given (times are stored as toISOString, so they compare as text).
const CONDITIONS = {
  from: 'time >= @from',
  to: 'time < @to',
  caller: 'instr(lower(caller_arn), lower(@caller)) > 0',
  operation: 'instr(lower(operation), lower(@operation)) > 0',
  result: 'result = @result',
} as const satisfies Record<keyof AuditFilters, string>;
const FILTER_NAMES = Object.keys(CONDITIONS) as (keyof AuditFilters)[];

export class AuditLog implements AuditStore {
  readonly #db: Database.Database;
  readonly #insert: Database.Statement;
  readonly #pages = new Map<string, Database.Statement<[Record<string, unknown>], StoredRow>>();
  readonly #beforeClose: (() => void)[] = [];

  constructor(file: string) {
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    this.#db.exec(SCHEMA);
    // Logs written before entries had a count: adding a column changes no entry (the triggers stay).
    const columns = this.#db.prepare<[], { name: string }>('PRAGMA table_info(audit_log)').all();
    if (!columns.some((c) => c.name === 'count')) this.#db.exec('ALTER TABLE audit_log ADD COLUMN count INTEGER NOT NULL DEFAULT 1');
    this.#insert = this.#db.prepare(
      `INSERT INTO audit_log (time, caller_arn, operation, target, result, error_code, aws_request_id, http_status, count)
       VALUES (@time, @callerArn, @operation, @target, @result, @errorCode, @awsRequestId, @httpStatus, @count)`,
    );
  }

  append(entry: AuditEntryInput): number {
    return Number(this.#insert.run(storedValues(entry)).lastInsertRowid);
  }

  /** `flush` runs before the database closes: for entries still held in memory (anonymous-tally.ts). */
  beforeClose(flush: () => void): void {
    this.#beforeClose.push(flush);
  }

  /** The entries matching the filters, newest first; `before` is an entry id for paging back. */
  list(options: AuditListOptions): AuditEntry[] {
    const used = FILTER_NAMES.filter((name) => options[name] !== undefined);
    const key = used.join(',');
    let statement = this.#pages.get(key);
    if (!statement) {
      const where = ['id < @before', ...used.map((name) => CONDITIONS[name])].join(' AND ');
      statement = this.#db.prepare<[Record<string, unknown>], StoredRow>(`SELECT * FROM audit_log WHERE ${where} ORDER BY id DESC LIMIT @limit`);
      this.#pages.set(key, statement);
    }
    const values: Record<string, unknown> = { before: options.before ?? Number.MAX_SAFE_INTEGER, limit: options.limit };
    for (const name of used) values[name] = name === 'from' || name === 'to' ? new Date(options[name] as string).toISOString() : options[name];
    return statement.all(values).map(toEntry);
  }

  /** One page of `list`, with the `before` of the next when there is one. */
  page(options: AuditListOptions): AuditPage {
    return toPage(this.list({ ...options, limit: options.limit + 1 }), options.limit);
  }

  /** Every matching entry, newest first, a page at a time (for downloads that stream). */
  *entries(filters: AuditFilters, pageSize = 1000): Generator<AuditEntry[]> {
    let before: number | undefined;
    for (;;) {
      const items = this.list({ ...filters, limit: pageSize, before });
      if (items.length > 0) yield items;
      if (items.length < pageSize) return;
      before = items[items.length - 1]!.id;
    }
  }

  close(): void {
    for (const flush of this.#beforeClose.splice(0)) flush();
    this.#db.close();
  }
}
