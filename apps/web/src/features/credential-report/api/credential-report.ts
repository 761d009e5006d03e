// The credential report through the BFF: generate (polled until COMPLETE), fetch, and where its downloads are.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Answer } from '@iam-console/api-contract/routes.ts';
import type { ReportState } from '@iam-console/api-contract/credential-report.ts';
import { api } from '../../../lib/api-client.ts';
import { isApiError } from '../../../lib/api-error.ts';

export type CredentialReport = Answer<'GET /api/credential-report'>;
export type Generation = Answer<'POST /api/credential-report'>;

export const DOWNLOADS = {
  report: '/api/credential-report/download',
  authorizationDetails: '/api/authorization-details/download',
  bundle: '/api/audit-bundle',
} as const;

const reportKey = ['credential-report'] as const;

/** IAM's answers when there is no report to give (yet): the page offers to generate one instead of an error. */
export const NO_REPORT_CODES = new Set(['ReportNotPresent', 'ReportExpired']);
export const isReportInProgress = (error: unknown) => isApiError(error) && error.code === 'ReportInProgress';
export const isNoReport = (error: unknown) => isApiError(error) && NO_REPORT_CODES.has(error.code);

/** The report (2 MB of CSV for 10,000 users); the route's loader starts it while the page's code downloads. */
export const credentialReportQueryOptions = () =>
  queryOptions({
    queryKey: reportKey,
    queryFn: () => api.get<CredentialReport>('/credential-report'),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useCredentialReport() {
  return useQuery(credentialReportQueryOptions());
}

export function usePasswordPolicyFacts() {
  return useQuery({
    queryKey: ['credential-report', 'password-policy'],
    queryFn: async () => (await api.get<Answer<'GET /api/account/password-policy'>>('/account/password-policy')).policy,
    retry: false,
  });
}

const POLL_MS = 1000;

/**
 * GenerateCredentialReport, asked again every second while IAM says STARTED or INPROGRESS; at COMPLETE the report
 * is fetched anew. `state` is the last answer (undefined before any).
 */
export function useGenerateReport(options: { pollMs?: number } = {}) {
  const pollMs = options.pollMs ?? POLL_MS;
  const queryClient = useQueryClient();
  const [last, setLast] = useState<Generation | undefined>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mutation = useMutation({
    mutationFn: () => api.post<Generation>('/credential-report'),
    onSuccess: (answer) => {
      setLast((previous) => (answer.description || !previous ? answer : { ...answer, description: previous.description }));
      if (answer.state === 'COMPLETE') void queryClient.invalidateQueries({ queryKey: reportKey });
      else timer.current = setTimeout(() => mutation.mutate(), pollMs);
    },
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  const generating = mutation.isPending || (last !== undefined && last.state !== 'COMPLETE' && !mutation.isError);
  return {
    generate: () => {
      clearTimeout(timer.current);
      setLast(undefined);
      mutation.mutate();
    },
    /** Polls an in-progress generation someone else started. */
    follow: () => {
      if (!generating) mutation.mutate();
    },
    state: last?.state as ReportState | undefined,
    description: last?.description,
    generating,
    error: mutation.error,
  };
}
