// Append-only audit log in PostgreSQL, for several BFF replicas sharing one log (DATABASE_URL). Only INSERT and
// SELECT statements exist here; in the database, a trigger refuses UPDATE, DELETE and TRUNCATE of the table for
// everyone (a superuser too), and the role that creates it revokes those privileges from itself and PUBLIC.
// Schema changes are numbered migrations run under an advisory lock, so replicas starting together apply each once.
import pg from 'pg';
import type { AuditFilters } from '@iam-console/api-contract/audit.ts';
import { FIELD_LIMITS, storedValues, toEntry, toPage } from './audit-store.ts';
import type { AuditEntry, AuditEntryInput, AuditListOptions, AuditPage, AuditStore, StoredRow } from './audit-store.ts';

/** pg_advisory_lock key of the console's audit-log migrations (any constant the database's other users do not use). */
export const MIGRATION_LOCK_KEY = 0x1a4d_17_01;

const bounded = (column: string, max: number) => `${column} TEXT CHECK (char_length(${column}) <= ${max})`;

/** Applied in order, each once, in a transaction of its own. Never edit one that shipped: add the next. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE audit_log (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     time TIMESTAMPTZ NOT NULL,
     ${bounded('caller_arn', FIELD_LIMITS.callerArn)},
     ${bounded('operation', FIELD_LIMITS.operation)} NOT NULL,
     ${bounded('target', FIELD_LIMITS.target)} NOT NULL,
     result TEXT NOT NULL CHECK (result IN ('success', 'failure')),
     ${bounded('error_code', FIELD_LIMITS.errorCode)},
     ${bounded('aws_request_id', FIELD_LIMITS.awsRequestId)},
     http_status INTEGER NOT NULL,
     count INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1)
   );
   CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
   CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
     FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
   CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
     FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
   REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
   REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM CURRENT_USER;`,
];

/** Brings the schema up to date; replicas starting together wait on the lock, and find the work done. */
export async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS audit_schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
      const { rows } = await client.query<{ version: number }>('SELECT coalesce(max(version), 0)::int AS version FROM audit_schema_migrations');
      for (let version = rows[0]!.version + 1; version <= MIGRATIONS.length; version++) {
        await client.query('BEGIN');
        try {
          await client.query(MIGRATIONS[version - 1]!);
          await client.query('INSERT INTO audit_schema_migrations (version) VALUES ($1)', [version]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}



// One condition per filter, `$` standing for its parameter; as in SQLite, caller and operation match a part, any case.
const CONDITIONS = {
  from: 'time >= $::timestamptz',
  to: 'time < $::timestamptz',
  caller: 'strpos(lower(caller_arn), lower($)) > 0',
  operation: 'strpos(lower(operation), lower($)) > 0',
  result: 'result = $',
} as const satisfies Record<keyof AuditFilters, string>;
const FILTER_NAMES = Object.keys(CONDITIONS) as (keyof AuditFilters)[];

const INSERT = `INSERT INTO audit_log (time, caller_arn, operation, target, result, error_code, aws_request_id, http_status, count)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`;

export interface PostgresAuditOptions {
  /** Connections per replica. */
  poolSize?: number;
  /** A pooled connection failed while idle (the server restarted…): pg reports it here rather than crash the process. */
  onError?: (err: Error) => void;
}

export class PostgresAuditLog implements AuditStore {
  readonly #pool: pg.Pool;
  readonly #beforeClose: (() => void)[] = [];
  readonly #inFlight = new Set<Promise<unknown>>();

  private constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /** Connects and migrates; rejects (and closes the pool) when either fails. */
  static async open(connectionString: string, options: PostgresAuditOptions = {}): Promise<PostgresAuditLog> {
    const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10 });
    pool.on('error', (err) => options.onError?.(err));
    try {
      await migrate(pool);
    } catch (err) {
      await pool.end();
      throw err;
    }
    return new PostgresAuditLog(pool);
  }

  /** Resolves once the entry is committed (a single INSERT outside any transaction commits on its own). */
  append(entry: AuditEntryInput): Promise<number> {
    const v = storedValues(entry);
    const params = [v.time, v.callerArn, v.operation, v.target, v.result, v.errorCode, v.awsRequestId, v.httpStatus, v.count];
    const inserted = this.#pool.query<{ id: string }>(INSERT, params).then((r) => Number(r.rows[0]!.id));
    this.#inFlight.add(inserted);
    const settled = () => void this.#inFlight.delete(inserted);
    inserted.then(settled, settled);
    return inserted;
  }

  beforeClose(flush: () => void): void {
    this.#beforeClose.push(flush);
  }

  async list(options: AuditListOptions): Promise<AuditEntry[]> {
    const params: unknown[] = [options.before ?? Number.MAX_SAFE_INTEGER];
    const where = ['id < $1'];
    for (const name of FILTER_NAMES) {
      const value = options[name];
      if (value === undefined) continue;
      params.push(name === 'from' || name === 'to' ? new Date(value).toISOString() : value);
      where.push(CONDITIONS[name].replace('$', `$${params.length}`));
    }
    params.push(options.limit);
    const { rows } = await this.#pool.query<StoredRow>(`SELECT * FROM audit_log WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT $${params.length}`, params);
    return rows.map(toEntry);
  }

  async page(options: AuditListOptions): Promise<AuditPage> {
    return toPage(await this.list({ ...options, limit: options.limit + 1 }), options.limit);
  }

  async *entries(filters: AuditFilters, pageSize = 1000): AsyncGenerator<AuditEntry[]> {
    let before: number | undefined;
    for (;;) {
      const items = await this.list({ ...filters, limit: pageSize, before });
      if (items.length > 0) yield items;
      if (items.length < pageSize) return;
      before = items[items.length - 1]!.id;
    }
  }

  async close(): Promise<void> {
    for (const flush of this.#beforeClose.splice(0)) flush();
    await Promise.allSettled([...this.#inFlight]);
    await this.#pool.end();
  }
}
