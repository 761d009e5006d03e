// What the app needs of an audit log, kept in SQLite (audit-log.ts, the default) or PostgreSQL
// (postgres-audit-log.ts, for several BFF replicas). Both are append-only in the database itself.
// SQLite answers synchronously, PostgreSQL with promises: callers await either.
import type { AuditFilters } from '@iam-console/api-contract/audit.ts';

export type MaybePromise<T> = T | Promise<T>;

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

export interface AuditStore {
  /** The new entry's id; the entry is committed when this returns (or its promise resolves). */
  append(entry: AuditEntryInput): MaybePromise<number>;
  /** `flush` runs before the store closes: for entries still held in memory (anonymous-tally.ts). */
  beforeClose(flush: () => void): void;
  /** The entries matching the filters, newest first; `before` is an entry id for paging back (keyset). */
  list(options: AuditListOptions): MaybePromise<AuditEntry[]>;
  /** One page of `list`, with the `before` of the next when there is one. */
  page(options: AuditListOptions): MaybePromise<AuditPage>;
  /** Every matching entry, newest first, a page at a time (for downloads that stream). */
  entries(filters: AuditFilters, pageSize?: number): Iterable<AuditEntry[]> | AsyncIterable<AuditEntry[]>;
  /** Runs the `beforeClose` flushes, waits for appends still in flight, closes. */
  close(): MaybePromise<void>;
}

/** Longest stored value of each text field; longer ones are cut, ending in "…". An IAM ARN is at most 2048 characters. */
export const FIELD_LIMITS = { callerArn: 2048, operation: 256, target: 1024, errorCode: 64, awsRequestId: 128 } as const;

function clip(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

/** The values an entry is stored with: every text field within its bound, absent ones null. */
export function storedValues(entry: AuditEntryInput) {
  const optional = (value: string | null | undefined, max: number) => (value == null ? null : clip(value, max));
  return {
    time: entry.time,
    callerArn: optional(entry.callerArn, FIELD_LIMITS.callerArn),
    operation: clip(entry.operation, FIELD_LIMITS.operation),
    target: clip(entry.target, FIELD_LIMITS.target),
    result: entry.result,
    errorCode: optional(entry.errorCode, FIELD_LIMITS.errorCode),
    awsRequestId: optional(entry.awsRequestId, FIELD_LIMITS.awsRequestId),
    httpStatus: entry.httpStatus,
    count: entry.count ?? 1,
  };
}

/** One page of `list` (asked for one more than `limit`), with the `before` of the next when there is one. */
export function toPage(items: AuditEntry[], limit: number): AuditPage {
  if (items.length <= limit) return { items };
  items.length = limit;
  return { items, nextBefore: items[limit - 1]!.id };
}

/** An entry as both databases give it back (PostgreSQL: a BIGINT id as text, a TIMESTAMPTZ as a Date). */
export interface StoredRow {
  id: number | string;
  time: string | Date;
  caller_arn: string | null;
  operation: string;
  target: string;
  result: 'success' | 'failure';
  error_code: string | null;
  aws_request_id: string | null;
  http_status: number;
  count: number;
}

export function toEntry(row: StoredRow): AuditEntry {
  return {
    id: Number(row.id),
    time: typeof row.time === 'string' ? row.time : row.time.toISOString(),
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
