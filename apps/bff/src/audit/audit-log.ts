// Append-only audit log in SQLite: only INSERT and SELECT statements exist here, and triggers make
// the database itself refuse any UPDATE or DELETE of an entry. Every stored field has a length bound, so no
// request can make one entry large.
import Database from 'better-sqlite3';
import type { AuditFilters } from '@iam-console/api-contract/audit.ts';

export interface AuditEntryInput {
  time: string;
  callerArn: string | null;
  operation: string;
  target: string;
  result: 'success' | 'failure';
  errorCode?: string | undefined;
  awsRequestId?: string | undefined;
  httpStatus: number;
  /** How many requests the entry stands for: more than 1 only for a count of anonymous requests (anonymous-tally.ts). */
  count?: number | undefined;
}

export interface AuditEntry extends AuditEntryInput {
  id: number;
  count: number;
}

/** Longest stored value of each text field; longer ones are cut, ending in "…". An IAM ARN is at most 2048 characters. */
export const FIELD_LIMITS = { callerArn: 2048, operation: 256, target: 1024, errorCode: 64, awsRequestId: 128 } as const;

function clip(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
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
  count: number;
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
  http_status INTEGER NOT NULL,
  count INTEGER NOT NULL DEFAULT 1
);
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`;

export interface AuditListOptions extends AuditFilters {
  limit: number;
  /** An entry id: only older entries (keyset paging, newest first). */
  before?: number | undefined;
}

export interface AuditPage {
  items: AuditEntry[];
  /** The `before` of the next page, when older entries match. */
  nextBefore?: number;
}

function toEntry(row: Row): AuditEntry {
  return {
    id: row.id,
    time: row.time,
    callerArn: row.caller_arn,
    operation: row.operation,
    target: row.target,
    result: row.result,
    ...(row.error_code ? { errorCode: row.error_code } : {}),
    ...(row.aws_request_id ? { awsRequestId: row.aws_request_id } : {}),
    httpStatus: row.http_status,
    count: row.count,
  };
}

// One condition per filter; a query holds only those given (times are stored as toISOString, so they compare as text).
const CONDITIONS = {
  from: 'time >= @from',
  to: 'time < @to',
  caller: 'instr(lower(caller_arn), lower(@caller)) > 0',
  operation: 'instr(lower(operation), lower(@operation)) > 0',
  result: 'result = @result',
} as const satisfies Record<keyof AuditFilters, string>;
const FILTER_NAMES = Object.keys(CONDITIONS) as (keyof AuditFilters)[];

export class AuditLog {
  readonly #db: Database.Database;
  readonly #insert: Database.Statement;
  readonly #pages = new Map<string, Database.Statement<[Record<string, unknown>], Row>>();
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
    const optional = (value: string | null | undefined, max: number) => (value == null ? null : clip(value, max));
    const info = this.#insert.run({
      time: entry.time,
      callerArn: optional(entry.callerArn, FIELD_LIMITS.callerArn),
      operation: clip(entry.operation, FIELD_LIMITS.operation),
      target: clip(entry.target, FIELD_LIMITS.target),
      result: entry.result,
      errorCode: optional(entry.errorCode, FIELD_LIMITS.errorCode),
      awsRequestId: optional(entry.awsRequestId, FIELD_LIMITS.awsRequestId),
      httpStatus: entry.httpStatus,
      count: entry.count ?? 1,
    });
    return Number(info.lastInsertRowid);
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
      statement = this.#db.prepare<[Record<string, unknown>], Row>(`SELECT * FROM audit_log WHERE ${where} ORDER BY id DESC LIMIT @limit`);
      this.#pages.set(key, statement);
    }
    const values: Record<string, unknown> = { before: options.before ?? Number.MAX_SAFE_INTEGER, limit: options.limit };
    for (const name of used) values[name] = name === 'from' || name === 'to' ? new Date(options[name] as string).toISOString() : options[name];
    return statement.all(values).map(toEntry);
  }

  /** One page of `list`, with the `before` of the next when there is one. */
  page(options: AuditListOptions): AuditPage {
    const items = this.list({ ...options, limit: options.limit + 1 });
    if (items.length <= options.limit) return { items };
    items.length = options.limit;
    return { items, nextBefore: items[options.limit - 1]!.id };
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
