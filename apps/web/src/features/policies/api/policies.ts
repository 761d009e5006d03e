import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { segment } from '../../../lib/path-segment.ts';
import type { Answer, RequestBody } from '@iam-console/api-contract/routes.ts';

export type { CreatePolicyRequest, PolicyDetail, PolicySummary, PolicyVersion } from '@iam-console/api-contract/policies.ts';

export const policiesKeys = {
  all: ['policies'] as const,
  list: () => [...policiesKeys.all, 'list'] as const,
  detail: (policyArn: string) => [...policiesKeys.all, 'detail', policyArn] as const,
  version: (policyArn: string, versionId: string) => [...policiesKeys.detail(policyArn), 'version', versionId] as const,
};

export const policyVersionQueryOptions = (policyArn: string, versionId: string) =>
  queryOptions({
    queryKey: policiesKeys.version(policyArn, versionId),
    queryFn: () => api.get<Answer<'GET /api/policies/:policyArn/versions/:versionId'>>(`/policies/${segment(policyArn)}/versions/${segment(versionId)}`),
    // A policy version never changes once created.
    staleTime: Infinity,
  });

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
