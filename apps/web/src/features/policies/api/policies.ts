import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { segment } from '../../../lib/path-segment.ts';
import { policyVersionQueryOptions } from '../../../lib/policy-queries.ts';
import type { Answer, RequestBody } from '@iam-console/api-contract/routes.ts';

export { policyVersionQueryOptions };
export type { CreatePolicyRequest, PolicyDetail, PolicySummary, PolicyVersion } from '@iam-console/api-contract/policies.ts';

export const policiesKeys = {
  all: ['policies'] as const,
  list: () => [...policiesKeys.all, 'list'] as const,
  detail: (policyArn: string) => [...policiesKeys.all, 'detail', policyArn] as const,
  version: (policyArn: string, versionId: string) => [...policiesKeys.detail(policyArn), 'version', versionId] as const,
};

export function usePolicyVersion(policyArn: string, versionId: string) {
  return useQuery(policyVersionQueryOptions(policyArn, versionId));
}

export const policiesQueryOptions = () =>
  queryOptions({
    queryKey: policiesKeys.list(),
    queryFn: async () => (await api.get<Answer<'GET /api/policies'>>('/policies?scope=All')).items,
    // AWS managed policies change rarely; the list is large, so keep it a little longer.
    staleTime: 60_000,
  });

export function usePolicies(options: { enabled?: boolean } = {}) {
  return useQuery({ ...policiesQueryOptions(), enabled: options.enabled ?? true });
}

export const policyQueryOptions = (policyArn: string) =>
  queryOptions({
    queryKey: policiesKeys.detail(policyArn),
    queryFn: () => api.get<Answer<'GET /api/policies/:policyArn'>>(`/policies/${segment(policyArn)}`),
  });

export function usePolicy(policyArn: string) {
  return useQuery(policyQueryOptions(policyArn));
}

export function useCreatePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: RequestBody<'POST /api/policies'>) => api.post<Answer<'POST /api/policies'>>('/policies', request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: policiesKeys.list() }),
  });
}

export function useDeletePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policyArn: string) => api.delete(`/policies/${segment(policyArn)}`),
    onSuccess: (_result, policyArn) => {
      // The detail page is still mounted until it navigates away: mark it stale without refetching a 404.
      void queryClient.invalidateQueries({ queryKey: policiesKeys.detail(policyArn), refetchType: 'none' });
      return queryClient.invalidateQueries({ queryKey: policiesKeys.list() });
    },
  });
}

/** A change to one policy's versions: its detail (versions, default document) and the list (update date) refetch. */
function usePolicyChange<TVariables, TResult = unknown>(policyArn: string, change: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: policiesKeys.detail(policyArn), exact: true }),
        queryClient.invalidateQueries({ queryKey: policiesKeys.list() }),
      ]),
  });
}

const policyPath = (policyArn: string) => `/policies/${segment(policyArn)}`;

/** CreatePolicyVersion; with `deleteVersionId`, that version is deleted first (IAM keeps at most five). */
export const useCreatePolicyVersion = (policyArn: string) =>
  usePolicyChange(policyArn, async ({ document, setAsDefault, deleteVersionId }: { document: string; setAsDefault: boolean; deleteVersionId?: string }) => {
    if (deleteVersionId) await api.delete(`${policyPath(policyArn)}/versions/${segment(deleteVersionId)}`);
    return api.post<Answer<'POST /api/policies/:policyArn/versions'>>(`${policyPath(policyArn)}/versions`, { document, setAsDefault });
  });
export const useSetDefaultPolicyVersion = (policyArn: string) =>
  usePolicyChange(policyArn, (versionId: string) => api.put(`${policyPath(policyArn)}/default-version`, { versionId }));
export const useDeletePolicyVersion = (policyArn: string) =>
  usePolicyChange(policyArn, (versionId: string) => api.delete(`${policyPath(policyArn)}/versions/${segment(versionId)}`));
