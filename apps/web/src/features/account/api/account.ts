import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import type { UnavailableSection } from '../../../lib/iam-types.ts';
import type { PasswordPolicy } from '../../../utils/password-policy.ts';

export interface AccountSummary {
  Users?: number;
  UsersQuota?: number;
  Groups?: number;
  GroupsQuota?: number;
  Roles?: number;
  RolesQuota?: number;
  Policies?: number;
  PoliciesQuota?: number;
  AccountMFAEnabled?: number;
  AccountAccessKeysPresent?: number;
  MFADevices?: number;
  MFADevicesInUse?: number;
  [key: string]: number | undefined;
}

export interface Account {
  accountId: string;
  alias: string | null;
  summary: AccountSummary;
  /** `summary` and/or `alias` when IAM refused GetAccountSummary or ListAccountAliases (they come back empty). */
  unavailable?: UnavailableSection[];
}

export interface SecurityRecommendation {
  id: string;
  severity: 'high' | 'medium' | 'low';
  title: string;
  detail: string;
  /** `unknown` when the caller may not read the credential report; `detail` says why. */
  status: 'ok' | 'attention' | 'unknown';
  affected?: string[];
}

/** Where the account's IAM users sign in to the AWS console (the alias when there is one). */
export function consoleSignInUrl(account: Pick<Account, 'accountId' | 'alias'>): string {
  return `https://${account.alias ?? account.accountId}.signin.aws.amazon.com/console`;
}

export const accountKeys = {
  all: ['account'] as const,
  overview: () => [...accountKeys.all, 'overview'] as const,
  passwordPolicy: () => [...accountKeys.all, 'password-policy'] as const,
  recommendations: () => [...accountKeys.all, 'security-recommendations'] as const,
};

export const accountQueryOptions = () =>
  queryOptions({ queryKey: accountKeys.overview(), queryFn: () => api.get<Account>('/account') });

export function useAccount() {
  return useQuery(accountQueryOptions());
}

export const passwordPolicyQueryOptions = () =>
  queryOptions({
    queryKey: accountKeys.passwordPolicy(),
    queryFn: async () => (await api.get<{ policy: PasswordPolicy | null }>('/account/password-policy')).policy,
  });

export function usePasswordPolicy() {
  return useQuery(passwordPolicyQueryOptions());
}

export const securityRecommendationsQueryOptions = () =>
  queryOptions({
    queryKey: accountKeys.recommendations(),
    queryFn: async () =>
      (await api.get<{ items: SecurityRecommendation[] }>('/account/security-recommendations')).items,
  });

export function useSecurityRecommendations() {
  return useQuery(securityRecommendationsQueryOptions());
}

export function useSetAccountAlias() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (alias: string) => api.put('/account/alias', { alias }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.overview() }),
  });
}

export function useDeleteAccountAlias() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/account/alias'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.overview() }),
  });
}

export function useUpdatePasswordPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: PasswordPolicy) => api.put('/account/password-policy', policy),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.passwordPolicy() }),
  });
}

export function useDeletePasswordPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/account/password-policy'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.passwordPolicy() }),
  });
}
