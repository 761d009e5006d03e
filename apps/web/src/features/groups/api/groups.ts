import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { segment } from '../../../lib/path-segment.ts';
import { principalApi } from '../../../lib/principal-api.ts';
import type { Answer, RequestBody } from '@iam-console/api-contract/routes.ts';
import type { GroupDetail } from '@iam-console/api-contract/groups.ts';

export type { CreateGroupRequest, GroupDetail, GroupSummary } from '@iam-console/api-contract/groups.ts';
/** A member as the group's detail lists it: a user summary. */
export type GroupMember = GroupDetail['users'][number];

export const groupsKeys = {
  all: ['groups'] as const,
  list: () => [...groupsKeys.all, 'list'] as const,
  detail: (groupName: string) => [...groupsKeys.all, 'detail', groupName] as const,
};

export const groupsQueryOptions = () =>
  queryOptions({
    queryKey: groupsKeys.list(),
    queryFn: async () => (await api.get<Answer<'GET /api/groups'>>('/groups')).items,
  });

export function useGroups() {
  return useQuery(groupsQueryOptions());
}

export const groupQueryOptions = (groupName: string) =>
  queryOptions({
    queryKey: groupsKeys.detail(groupName),
    queryFn: () => api.get<Answer<'GET /api/groups/:groupName'>>(`/groups/${segment(groupName)}`),
  });

export function useGroup(groupName: string) {
  return useQuery(groupQueryOptions(groupName));
}

export function useCreateGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: RequestBody<'POST /api/groups'>) => api.post<Answer<'POST /api/groups'>>('/groups', request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupsKeys.list() }),
  });
}

export function useDeleteGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (groupName: string) => api.delete(`/groups/${segment(groupName)}`),
    onSuccess: (_result, groupName) => {
      // The detail page is still mounted until it navigates away: mark it stale without refetching a 404.
      void queryClient.invalidateQueries({ queryKey: groupsKeys.detail(groupName), refetchType: 'none' });
      return queryClient.invalidateQueries({ queryKey: groupsKeys.list() });
    },
  });
}

/** A change to one group's members or policies; the list refetches too because it shows member counts. */
function useGroupChange<TVariables>(groupName: string, change: (variables: TVariables) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: groupsKeys.detail(groupName) }),
        queryClient.invalidateQueries({ queryKey: groupsKeys.list() }),
      ]),
  });
}

const groupPath = (groupName: string) => `/groups/${segment(groupName)}`;

export const useAddGroupMember = (groupName: string) =>
  useGroupChange(groupName, (userName: string) => api.post(`${groupPath(groupName)}/users`, { userName }));
export const useRemoveGroupMember = (groupName: string) =>
  useGroupChange(groupName, (userName: string) => api.delete(`${groupPath(groupName)}/users/${segment(userName)}`));
export const useAttachGroupPolicy = (groupName: string) =>
  useGroupChange(groupName, (policyArn: string) => principalApi.attachPolicy('groups', groupName, policyArn));
export const useDetachGroupPolicy = (groupName: string) =>
  useGroupChange(groupName, (policyArn: string) => principalApi.detachPolicy('groups', groupName, policyArn));
export const useDeleteGroupInlinePolicy = (groupName: string) =>
  useGroupChange(groupName, (policyName: string) => principalApi.deleteInlinePolicy('groups', groupName, policyName));
export const usePutGroupInlinePolicy = (groupName: string) =>
  useGroupChange(groupName, ({ policyName, document }: { policyName: string; document: string }) => principalApi.putInlinePolicy('groups', groupName, policyName, document));
