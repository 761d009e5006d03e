import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RoleSessionEnded, SwitchedRole } from '@iam-console/api-contract/session.ts';
import { shortName } from '@iam-console/api-contract/arn.ts';
import { api } from '../../../lib/api-client.ts';

export type IdentityType = 'root' | 'user' | 'assumed-role';

export interface Identity {
  arn: string;
  accountId: string;
  userId: string;
  type: IdentityType;
  userName?: string;
  roleName?: string;
  accountAlias?: string | null;
}

export type Session =
  | {
      signedIn: false;
      csrfToken: string;
      localMode: boolean;
      /** Set once, right after an idle or absolute timeout ended the session. */
      sessionExpired?: boolean;
    }
  | {
      signedIn: true;
      csrfToken: string;
      localMode: boolean;
      identity: Identity;
      mfaAuthenticated: boolean;
      expiresAt: string;
      idleExpiresAt: string;
      /** While switched to a role: `identity` is the role, `switchedRole.signedInAs` who signed in. */
      switchedRole?: SwitchedRole;
      /** Once, after the role's credentials expired and the session went back. */
      roleSessionEnded?: RoleSessionEnded;
    };

export type SignedInSession = Extract<Session, { signedIn: true }>;

export interface DemoIdentity {
  id: string;
  label: string;
  kind: 'root' | 'admin' | 'self-service' | 'auditor';
  userName?: string;
  hasMfa: boolean;
  description: string;
}

export type SignInRequest =
  | { accessKeyId: string; secretAccessKey: string; mfaCode?: string; serialNumber?: string }
  | { demoIdentity: string; mfaCode?: string };

export const sessionKeys = {
  all: ['session'] as const,
  current: () => [...sessionKeys.all, 'current'] as const,
  demoIdentities: () => [...sessionKeys.all, 'demo-identities'] as const,
};

async function getSession(): Promise<Session> {
  const session = await api.get<Session>('/session');
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
    queryFn: async () => (await api.get<{ items: DemoIdentity[] }>('/session/demo-identities')).items,
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
    mutationFn: (request: SignInRequest) => api.post<SignedInSession>('/session', request),
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
    mutationFn: (request: { serialNumber: string; tokenCode: string }) => api.post<SignedInSession>('/session/mfa', request),
    onSuccess: async (session) => {
      // A new session id, a new CSRF token; what IAM refused before may now be allowed.
      api.setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionKeys.current(), session);
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.all[0] });
    },
  });
}
