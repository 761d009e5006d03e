import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Answer, RequestBody } from '@iam-console/api-contract/routes.ts';
import type { Identity, Session, SignedInSession, SignInRequest } from '@iam-console/api-contract/session.ts';
import { shortName } from '@iam-console/api-contract/arn.ts';
import { api } from '../../../lib/api-client.ts';

export type { DemoIdentity, Identity, IdentityType, Session, SignedInSession, SignInRequest } from '@iam-console/api-contract/session.ts';

export const sessionKeys = {
  all: ['session'] as const,
  current: () => [...sessionKeys.all, 'current'] as const,
  demoIdentities: () => [...sessionKeys.all, 'demo-identities'] as const,
};

async function getSession(): Promise<Session> {
  const session = await api.get<Answer<'GET /api/session'>>('/session');
  api.setCsrfToken(session.csrfToken);
  return session;
}

export const sessionQueryOptions = () =>
  queryOptions({ queryKey: sessionKeys.current(), queryFn: getSession, staleTime: 60_000 });

export function useSession() {
  return useQuery(sessionQueryOptions());
}

export const demoIdentitiesQueryOptions = (enabled: boolean) =>
  queryOptions({
    queryKey: sessionKeys.demoIdentities(),
    queryFn: async () => (await api.get<Answer<'GET /api/session/demo-identities'>>('/session/demo-identities')).items,
    enabled,
    staleTime: Infinity,
  });

export function useDemoIdentities(enabled: boolean) {
  return useQuery(demoIdentitiesQueryOptions(enabled));
}

/** A display name for the signed-in principal, as the AWS console's header shows it. */
export function identityDisplayName(identity: Identity): string {
  if (identity.type === 'root') return 'root';
  if (identity.type === 'assumed-role') return identity.roleName ?? shortName(identity.arn);
  return identity.userName ?? shortName(identity.arn);
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: SignInRequest) => api.post<Answer<'POST /api/session'>>('/session', request),
    onSuccess: (session) => {
      // Anything cached belonged to whoever was signed in before.
      queryClient.clear();
      api.setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionKeys.current(), session);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/session'),
    onSettled: () => {
      api.setCsrfToken(null);
      queryClient.clear();
    },
  });
}

/** Turns a session signed in without MFA into an MFA session with a fresh code (POST /api/session/mfa). */
export function useUpgradeToMfaSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: RequestBody<'POST /api/session/mfa'>) => api.post<Answer<'POST /api/session/mfa'>>('/session/mfa', request),
    onSuccess: async (session) => {
      // A new session id, a new CSRF token; what IAM refused before may now be allowed.
      api.setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionKeys.current(), session);
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.all[0] });
    },
  });
}
