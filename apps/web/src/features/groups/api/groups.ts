import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { segment } from '../../../lib/path-segment.ts';
import type { AttachedPolicy, InlinePolicy, UnavailableSection } from '../../../lib/iam-types.ts';
import { principalApi } from '../../../lib/principal-api.ts';

export interface GroupSummary {
  groupName: string;
  groupId: string;
  arn: string;
  path: string;
  createDate: string;
  memberCount?: number;
}

export interface GroupMember {
  userName: string;
  arn: string;
  createDate: string;
  passwordLastUsed?: string;
}

export interface GroupDetail {
  group: GroupSummary;
  users: GroupMember[];
  attachedPolicies: AttachedPolicy[];
  inlinePolicies: InlinePolicy[];
  unavailable?: UnavailableSection[];
}

export interface CreateGroupRequest {
  groupName: string;
  path?: string;
  managedPolicyArns?: string[];
  users?: string[];
}

export const groupsKeys = {
  all: ['groups'] as const,
  list: () => [...groupsKeys.all, 'list'] as const,
  detail: (groupName: string) => [...groupsKeys.all, 'detail', groupName] as const,
};

export const groupsQueryOptions = () =>
  queryOptions({
    queryKey: groupsKeys.list(),
    queryFn: async () => (await api.get<{ items: GroupSummary[] }>('/groups')).items,
  });

export function useGroups() {
  return useQuery(groupsQueryOptions());
}

export const groupQueryOptions = (groupName: string) =>
  queryOptions({
    queryKey: groupsKeys.detail(groupName),
    queryFn: () => api.get<GroupDetail>(`/groups/${segment(groupName)}`),
  });

export function useGroup(groupName: string) {
  return useQuery(groupQueryOptions(groupName));
}

export function useCreateGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateGroupRequest) => api.post<{ group: GroupSummary }>('/groups', request),
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
