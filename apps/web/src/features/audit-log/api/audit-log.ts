// The console's audit log through the BFF: one page of the filtered log at a time (keyset: `before`), and the
// download addresses of the same filter.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditFilters } from '@iam-console/api-contract/audit.ts';
import type { Answer } from '@iam-console/api-contract/routes.ts';
import { api } from '../../../lib/api-client.ts';

export type AuditPage = Answer<'GET /api/audit-log'>;
export type AuditEntry = AuditPage['items'][number];

/** The query string of a filter: only the fields that hold a value. */
export function filterQuery(filters: AuditFilters, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const auditDownloadHref = (filters: AuditFilters, format: 'csv' | 'json') => `/api/audit-log/download${filterQuery(filters, { format })}`;

export function useAuditPage(filters: AuditFilters, before: number | undefined, limit: number) {
  return useQuery({
    queryKey: ['audit-log', filters, before, limit],
    queryFn: () => api.get<AuditPage>(`/audit-log${filterQuery(filters, { before, limit })}`),
    placeholderData: keepPreviousData,
    retry: false,
  });
}
