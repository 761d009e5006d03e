// Policy reads that shared components need (the editor's "Start from", the boundary preview), outside the
// policies feature. The keys are the policies feature's, so both share one cache entry per read.
import { queryOptions } from '@tanstack/react-query';
import type { Answer } from '@iam-console/api-contract/routes.ts';
import { api } from './api-client.ts';
import { segment } from './path-segment.ts';

export const policyVersionQueryOptions = (policyArn: string, versionId: string) =>
  queryOptions({
    queryKey: ['policies', 'detail', policyArn, 'version', versionId] as const,
    queryFn: () => api.get<Answer<'GET /api/policies/:policyArn/versions/:versionId'>>(`/policies/${segment(policyArn)}/versions/${segment(versionId)}`),
    // A policy version never changes once created.
    staleTime: Infinity,
  });

export const awsManagedPoliciesQueryOptions = () =>
  queryOptions({
    queryKey: ['policies', 'list', 'AWS'] as const,
    queryFn: async () => (await api.get<Answer<'GET /api/policies'>>('/policies?scope=AWS')).items,
    staleTime: 300_000,
  });
