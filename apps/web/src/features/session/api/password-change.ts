// A sign-in whose password must be changed first: the account password policy to show, and ChangePassword,
// after which the same session carries on (the session answer no longer says passwordResetRequired).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Answer, RequestBody } from '@iam-console/api-contract/routes.ts';
import { api } from '../../../lib/api-client.ts';
import { sessionKeys } from './session.ts';

export function useAccountPasswordPolicy() {
  return useQuery({
    queryKey: [...sessionKeys.all, 'password-policy'] as const,
    queryFn: () => api.get<Answer<'GET /api/account/password-policy'>>('/account/password-policy'),
    retry: false,
  });
}

export function useChangeRequiredPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RequestBody<'PUT /api/me/password'>) => api.put<void>('/me/password', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKeys.current() }),
  });
}
