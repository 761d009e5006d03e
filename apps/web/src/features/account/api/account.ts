import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import type { Answer } from '@iam-console/api-contract/routes.ts';
import type { AccountOverview, PasswordPolicy } from '@iam-console/api-contract/account.ts';

export type { Recommendation as SecurityRecommendation } from '@iam-console/api-contract/account.ts';
export type Account = AccountOverview;
/** GetAccountSummary's SummaryMap: `Users`, `UsersQuota`, `AccountMFAEnabled`, … */
export type AccountSummary = AccountOverview['summary'];

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
  queryOptions({ queryKey: accountKeys.overview(), queryFn: () => api.get<Answer<'GET /api/account'>>('/account') });

export function useAccount() {
  return useQuery(accountQueryOptions());
}

export const passwordPolicyQueryOptions = () =>
  queryOptions({
    queryKey: accountKeys.passwordPolicy(),
    queryFn: async () => (await api.get<Answer<'GET /api/account/password-policy'>>('/account/password-policy')).policy,
  });

export function usePasswordPolicy() {
  return useQuery(passwordPolicyQueryOptions());
}

export const securityRecommendationsQueryOptions = () =>
  queryOptions({
    queryKey: accountKeys.recommendations(),
    queryFn: async () =>
      (await api.get<Answer<'GET /api/account/security-recommendations'>>('/account/security-recommendations')).items,
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
