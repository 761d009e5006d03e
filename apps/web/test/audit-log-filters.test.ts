import { describe, expect, it } from 'vitest';
import { auditDownloadHref, filterQuery } from '../src/features/audit-log/api/audit-log.ts';
import { EMPTY_FILTER_FORM, rangeBounds, toAuditFilters } from '../src/features/audit-log/audit-filters.ts';

const NOW = Date.parse('2026-06-01T12:00:00Z');

describe('audit log filters', () => {
  it('sends only the filters that hold a value', () => {
    expect(toAuditFilters(EMPTY_FILTER_FORM, NOW)).toEqual({});
    expect(toAuditFilters({ ...EMPTY_FILTER_FORM, caller: '  alice ', operation: 'CreateUser', result: 'failure' }, NOW)).toEqual({ caller: 'alice', operation: 'CreateUser', result: 'failure' });
  });

  it('turns a relative range into a start before now, an absolute one into from and an exclusive to', () => {
    expect(rangeBounds({ type: 'relative', amount: 7, unit: 'day' }, NOW)).toEqual({ from: '2026-05-25T12:00:00.000Z' });
    const absolute = rangeBounds({ type: 'absolute', startDate: '2026-05-01T00:00:00Z', endDate: '2026-05-02T23:59:59Z' }, NOW);
    expect(absolute).toEqual({ from: '2026-05-01T00:00:00.000Z', to: '2026-05-03T00:00:00.000Z' });
  });

  it('builds the page and download addresses with the same filters', () => {
    expect(filterQuery({ caller: 'user/bob', result: 'success' }, { before: 40, limit: 50 })).toBe('?caller=user%2Fbob&result=success&before=40&limit=50');
    expect(filterQuery({})).toBe('');
    expect(auditDownloadHref({ operation: 'SignIn' }, 'json')).toBe('/api/audit-log/download?operation=SignIn&format=json');
  });
});
