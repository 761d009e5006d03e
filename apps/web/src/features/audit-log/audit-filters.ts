// The audit log page's filter form → the BFF's filters: a date range (absolute, or the last N units) as from/to.
import type { DateRangePickerProps } from '@cloudscape-design/components/date-range-picker';
import type { AuditFilters } from '@iam-console/api-contract/audit.ts';

export interface AuditFilterForm {
  range: DateRangePickerProps.Value | null;
  caller: string;
  operation: string;
  result: '' | 'success' | 'failure';
}

export const EMPTY_FILTER_FORM: AuditFilterForm = { range: null, caller: '', operation: '', result: '' };

const UNIT_MS: Record<DateRangePickerProps.TimeUnit, number> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 30 * 86_400_000,
  year: 365 * 86_400_000,
};

/** `from`/`to` of a range; an absolute range's end is inclusive of its last second, a relative one ends now. */
export function rangeBounds(range: DateRangePickerProps.Value | null, now: number): Pick<AuditFilters, 'from' | 'to'> {
  if (!range) return {};
  if (range.type === 'relative') return { from: new Date(now - range.amount * UNIT_MS[range.unit]).toISOString() };
  const start = Date.parse(range.startDate);
  const end = Date.parse(range.endDate);
  return {
    ...(Number.isNaN(start) ? {} : { from: new Date(start).toISOString() }),
    ...(Number.isNaN(end) ? {} : { to: new Date(end + 1000).toISOString() }),
  };
}

export function toAuditFilters(form: AuditFilterForm, now: number): AuditFilters {
  return {
    ...rangeBounds(form.range, now),
    ...(form.caller.trim() ? { caller: form.caller.trim() } : {}),
    ...(form.operation.trim() ? { operation: form.operation.trim() } : {}),
    ...(form.result ? { result: form.result } : {}),
  };
}
