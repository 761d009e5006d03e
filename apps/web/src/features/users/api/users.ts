import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { segment } from '../../../lib/path-segment.ts';
import type { Tag } from '../../../lib/iam-types.ts';
import { principalApi } from '../../../lib/principal-api.ts';
import type { Answer, RequestBody } from '@iam-console/api-contract/routes.ts';
import type { LoginProfileRequest } from '@iam-console/api-contract/users.ts';

export type { AccessKey, CreateUserRequest, NewAccessKey, UserDetail, UserSummary } from '@iam-console/api-contract/users.ts';

export const usersKeys = {
  all: ['users'] as const,
  list: () => [...usersKeys.all, 'list'] as const,
  detail: (userName: string) => [...usersKeys.all, 'detail', userName] as const,
};

export const usersQueryOptions = () =>
  queryOptions({
    queryKey: usersKeys.list(),
    queryFn: async () => (await api.get<Answer<'GET /api/users'>>('/users')).items,
  });

export function useUsers() {
  return useQuery(usersQueryOptions());
}

export const userQueryOptions = (userName: string) =>
  queryOptions({
    queryKey: usersKeys.detail(userName),
    queryFn: () => api.get<Answer<'GET /api/users/:userName'>>(`/users/${segment(userName)}`),
  });

export function useUser(userName: string) {
  return useQuery(userQueryOptions(userName));
}

// A new secret access key must not outlive the page that shows it: mutations that return one are
// dropped from the mutation cache as soon as nothing observes them (gcTime 0), never written anywhere.
const FORGET_AT_ONCE = { gcTime: 0 } as const;

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    ...FORGET_AT_ONCE,
    mutationFn: (request: RequestBody<'POST /api/users'>) => api.post<Answer<'POST /api/users'>>('/users', request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKeys.list() }),
  });
}

export function useDeleteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userName: string) => api.delete(`/users/${segment(userName)}`),
    onSuccess: (_result, userName) => {
      // The detail page is still mounted until it navigates away: mark it stale without refetching a 404.
      void queryClient.invalidateQueries({ queryKey: usersKeys.detail(userName), refetchType: 'none' });
      return queryClient.invalidateQueries({ queryKey: usersKeys.list() });
    },
  });
}

/** A change to one user: afterwards only that user's detail is refetched. */
function useUserChange<TVariables, TResult = unknown>(userName: string, change: (variables: TVariables) => Promise<TResult>, forgetAtOnce = false) {
  const queryClient = useQueryClient();
  return useMutation({
    ...(forgetAtOnce ? FORGET_AT_ONCE : {}),
    mutationFn: change,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKeys.detail(userName) }),
  });
}

const userPath = (userName: string) => `/users/${segment(userName)}`;

export const useAddUserToGroup = (userName: string) =>
  useUserChange(userName, (groupName: string) => api.post(`${userPath(userName)}/groups`, { groupName }));
export const useRemoveUserFromGroup = (userName: string) =>
  useUserChange(userName, (groupName: string) => api.delete(`${userPath(userName)}/groups/${segment(groupName)}`));
export const useAttachUserPolicy = (userName: string) =>
  useUserChange(userName, (policyArn: string) => principalApi.attachPolicy('users', userName, policyArn));
export const useDetachUserPolicy = (userName: string) =>
  useUserChange(userName, (policyArn: string) => principalApi.detachPolicy('users', userName, policyArn));
export const useDeleteUserInlinePolicy = (userName: string) =>
  useUserChange(userName, (policyName: string) => principalApi.deleteInlinePolicy('users', userName, policyName));
export const usePutUserInlinePolicy = (userName: string) =>
  useUserChange(userName, ({ policyName, document }: { policyName: string; document: string }) => principalApi.putInlinePolicy('users', userName, policyName, document));
export const usePutUserBoundary = (userName: string) =>
  useUserChange(userName, (policyArn: string) => principalApi.putBoundary('users', userName, policyArn));
export const useDeleteUserBoundary = (userName: string) =>
  useUserChange(userName, () => principalApi.deleteBoundary('users', userName));
export const useReplaceUserTags = (userName: string) =>
  useUserChange(userName, (tags: Tag[]) => principalApi.replaceTags('users', userName, tags));
export const useSetLoginProfile = (userName: string) =>
  useUserChange(userName, (profile: LoginProfileRequest) => api.put(`${userPath(userName)}/login-profile`, profile));
export const useDeleteLoginProfile = (userName: string) =>
  useUserChange(userName, () => api.delete(`${userPath(userName)}/login-profile`));
export const useCreateAccessKey = (userName: string) =>
  useUserChange(userName, () => api.post<Answer<'POST /api/users/:userName/access-keys'>>(`${userPath(userName)}/access-keys`), true);
export const useUpdateAccessKey = (userName: string) =>
  useUserChange(userName, ({ accessKeyId, status }: { accessKeyId: string; status: 'Active' | 'Inactive' }) =>
    api.patch(`${userPath(userName)}/access-keys/${segment(accessKeyId)}`, { status }));
export const useDeleteAccessKey = (userName: string) =>
  useUserChange(userName, (accessKeyId: string) => api.delete(`${userPath(userName)}/access-keys/${segment(accessKeyId)}`));
export const useDeactivateMfaDevice = (userName: string) =>
  useUserChange(userName, (serialNumber: string) => api.delete(`${userPath(userName)}/mfa-devices/${segment(serialNumber)}`));
