// The audit log as a file, CSV or JSON, written a page of entries at a time (never the whole log in memory).
import { stringify } from 'csv-stringify/sync';
import { AUDIT_CSV_COLUMNS, type AuditFilters } from '@iam-console/api-contract/audit.ts';
import { fileStamp } from '@iam-console/api-contract/credential-report.ts';
import type { AuditEntry, AuditStore } from './audit-store.ts';
import type { ChunkWriter } from '../http/download.ts';

export type AuditFormat = 'csv' | 'json';

const CONTENT_TYPES: Record<AuditFormat, string> = { csv: 'text/csv', json: 'application/json' };

export const auditContentType = (format: AuditFormat) => CONTENT_TYPES[format];

/** `audit-log_2026-12-07T00_16_25.csv`: the time of the download, in UTC. */
export function auditFileName(format: AuditFormat, now: Date): string {
  return `audit-log_${fileStamp(now)}.${format}`;
}

const csvRecord = (entry: AuditEntry) => AUDIT_CSV_COLUMNS.map((column) => entry[column] ?? '');

// Targets can hold what a request sent: a leading = + - @ must not run as a formula when the file is opened
// in a spreadsheet (OWASP "CSV Injection"); csv-stringify prefixes such cells with a quote.
const CSV_OPTIONS = { escape_formulas: true } as const;

export async function writeAuditLog(log: AuditStore, filters: AuditFilters, format: AuditFormat, write: ChunkWriter): Promise<void> {
  if (format === 'csv') {
    await write(stringify([[...AUDIT_CSV_COLUMNS]], CSV_OPTIONS));
    for await (const page of log.entries(filters)) await write(stringify(page.map(csvRecord), CSV_OPTIONS));
    return;
  }
  let first = true;
  await write('[');
  for await (const page of log.entries(filters)) {
    let chunk = '';
    for (const entry of page) {
      chunk += `${first ? '' : ','}\n${JSON.stringify(entry)}`;
      first = false;
    }
    await write(chunk);
  }
  await write(first ? ']\n' : '\n]\n');
}
