import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { SignedInSession } from '@iam-console/api-contract/session.ts';
import type { AssumableRoles, SwitchRoleContext, SwitchRoleInput } from '@iam-console/api-contract/switch-role.ts';
import { api } from '../../../lib/api-client.ts';

export type { AssumableRole, AssumableRoles, RecentRole, SwitchRoleContext } from '@iam-console/api-contract/switch-role.ts';

/** POST /api/switch-role's body; empty text fields count as absent, so the form sends them as they are. */
export type SwitchRoleRequest = Omit<SwitchRoleInput, 'color'> & { color?: string | undefined };

// The session's own query key (features/session): a switch changes who the session is.
const SESSION_KEY = ['session', 'current'] as const;

export const switchRoleKeys = {
  all: ['switch-role'] as const,
  context: () => [...switchRoleKeys.all, 'context'] as const,
  assumable: () => [...switchRoleKeys.all, 'assumable'] as const,
};

export const switchRoleContextQueryOptions = () =>
  queryOptions({ queryKey: switchRoleKeys.context(), queryFn: () => api.get<SwitchRoleContext>('/switch-role') });

export function useSwitchRoleContext() {
  return useQuery(switchRoleContextQueryOptions());
}

export function useAssumableRoles() {
  return useQuery({ queryKey: switchRoleKeys.assumable(), queryFn: () => api.get<AssumableRoles>('/switch-role/roles') });
}

/** Everything cached was read as the identity the session had before; the session itself is the answer. */
function becomes(queryClient: QueryClient, session: SignedInSession) {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  queryClient.setQueryData(SESSION_KEY, session);
}

export function useSwitchRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: SwitchRoleRequest) => api.post<SignedInSession>('/switch-role', request),
    onSuccess: (session) => becomes(queryClient, session),
  });
}

/** "Back to <user name>". */
export function useSwitchBack() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<SignedInSession>('/switch-role'),
    onSuccess: (session) => becomes(queryClient, session),
  });
}
