import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import pLimit from 'p-limit';
import { api } from '../../../lib/api-client.ts';
import { segment } from '../../../lib/path-segment.ts';
import type { Tag } from '../../../lib/iam-types.ts';
import { principalApi } from '../../../lib/principal-api.ts';
import type { Answer, RequestBody } from '@iam-console/api-contract/routes.ts';
import type { UpdateRoleRequest } from '@iam-console/api-contract/roles.ts';

export type { CreateRoleRequest, RoleDetail, RoleSummary } from '@iam-console/api-contract/roles.ts';

export const rolesKeys = {
  all: ['roles'] as const,
  list: () => [...rolesKeys.all, 'list'] as const,
  detail: (roleName: string) => [...rolesKeys.all, 'detail', roleName] as const,
};

export const rolesQueryOptions = () =>
  queryOptions({
    queryKey: rolesKeys.list(),
    queryFn: async () => (await api.get<Answer<'GET /api/roles'>>('/roles')).items,
  });

export function useRoles() {
  return useQuery(rolesQueryOptions());
}

const fetchRole = (roleName: string) => api.get<Answer<'GET /api/roles/:roleName'>>(`/roles/${segment(roleName)}`);

export const roleQueryOptions = (roleName: string) =>
  queryOptions({
    queryKey: rolesKeys.detail(roleName),
    queryFn: () => fetchRole(roleName),
  });

export function useRole(roleName: string) {
  return useQuery(roleQueryOptions(roleName));
}

// A page of up to 250 roles must not fire 250 detail requests at once at the BFF (each is several IAM calls).
const ROLE_DETAILS_AT_ONCE = 4;
const roleDetailSlots = pLimit(ROLE_DETAILS_AT_ONCE);

/**
 * The role detail fetched for a list row, only to learn its last activity (ListRoles does not return
 * RoleLastUsed). Shares the detail's cache entry; a row that leaves the page before its turn is skipped.
 */
export const roleForListQueryOptions = (roleName: string) =>
  queryOptions({
    queryKey: rolesKeys.detail(roleName),
    queryFn: ({ signal }) =>
      roleDetailSlots(() => {
        // Reading `signal` lets TanStack Query cancel the request once no row shows this role any more.
        if (signal.aborted) throw new DOMException('No longer shown', 'AbortError');
        return fetchRole(roleName);
      }),
    // Last activity changes slowly: paging back and forth should not ask again.
    staleTime: 5 * 60_000,
  });

export function useCreateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: RequestBody<'POST /api/roles'>) => api.post<Answer<'POST /api/roles'>>('/roles', request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rolesKeys.list() }),
  });
}

export function useDeleteRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (roleName: string) => api.delete(`/roles/${segment(roleName)}`),
    onSuccess: (_result, roleName) => {
      // The detail page is still mounted until it navigates away: mark it stale without refetching a 404.
      void queryClient.invalidateQueries({ queryKey: rolesKeys.detail(roleName), refetchType: 'none' });
      return queryClient.invalidateQueries({ queryKey: rolesKeys.list() });
    },
  });
}

/** A change to one role; the list refetches as well when it shows what changed. */
function useRoleChange<TVariables>(roleName: string, change: (variables: TVariables) => Promise<unknown>, listChanges = false) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: rolesKeys.detail(roleName) }),
        listChanges ? queryClient.invalidateQueries({ queryKey: rolesKeys.list() }) : undefined,
      ]),
  });
}

export const useUpdateRole = (roleName: string) =>
  useRoleChange(roleName, (change: UpdateRoleRequest) => api.patch(`/roles/${segment(roleName)}`, change), true);
export const useAttachRolePolicy = (roleName: string) =>
  useRoleChange(roleName, (policyArn: string) => principalApi.attachPolicy('roles', roleName, policyArn));
export const useDetachRolePolicy = (roleName: string) =>
  useRoleChange(roleName, (policyArn: string) => principalApi.detachPolicy('roles', roleName, policyArn));
export const useDeleteRoleInlinePolicy = (roleName: string) =>
  useRoleChange(roleName, (policyName: string) => principalApi.deleteInlinePolicy('roles', roleName, policyName));
export const usePutRoleInlinePolicy = (roleName: string) =>
  useRoleChange(roleName, ({ policyName, document }: { policyName: string; document: string }) => principalApi.putInlinePolicy('roles', roleName, policyName, document));
export const useUpdateTrustPolicy = (roleName: string) =>
  useRoleChange(roleName, (document: string) => api.put(`/roles/${segment(roleName)}/trust-policy`, { document }));
export const usePutRoleBoundary = (roleName: string) =>
  useRoleChange(roleName, (policyArn: string) => principalApi.putBoundary('roles', roleName, policyArn));
export const useDeleteRoleBoundary = (roleName: string) =>
  useRoleChange(roleName, () => principalApi.deleteBoundary('roles', roleName));
export const useReplaceRoleTags = (roleName: string) =>
  useRoleChange(roleName, (tags: Tag[]) => principalApi.replaceTags('roles', roleName, tags));
