// My security credentials: one query for the page, one mutation per change; types come from the API contract.
import type { Answer, RequestBody } from '@iam-console/api-contract/routes.ts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { segment } from '../../../lib/path-segment.ts';

export type SecurityCredentials = Answer<'GET /api/me/security-credentials'>;
export type OwnAccessKey = SecurityCredentials['accessKeys'][number];
export type OwnMfaDevice = SecurityCredentials['mfaDevices'][number];
export type CreatedOwnAccessKey = Answer<'POST /api/me/access-keys'>;
export type CreatedVirtualMfaDevice = Answer<'POST /api/me/mfa-devices/virtual'>;
export type UpdateOwnAccessKeyAnswer = Answer<'PATCH /api/me/access-keys/:accessKeyId'>;
export type RemoveMfaDeviceAnswer = Answer<'DELETE /api/me/mfa-devices/:serialNumber'>;

export const selfServiceKeys = {
  all: ['self-service'] as const,
  credentials: () => [...selfServiceKeys.all, 'security-credentials'] as const,
};

export const securityCredentialsQueryOptions = () =>
  queryOptions({
    queryKey: selfServiceKeys.credentials(),
    queryFn: () => api.get<SecurityCredentials>('/me/security-credentials'),
  });

export function useSecurityCredentials() {
  return useQuery(securityCredentialsQueryOptions());
}

/** Every change here touches the one page query. */
function useChange<V, T>(send: (variables: V) => Promise<T>, options: { gcTime?: number } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: () => queryClient.invalidateQueries({ queryKey: selfServiceKeys.credentials() }),
    ...options,
  });
}

// Secrets (a new secret access key, an MFA seed and QR code) must not outlive the dialog that shows them: those
// mutations are dropped from the cache as soon as nothing observes them.
const FORGET_AT_ONCE = { gcTime: 0 } as const;

export const useCreateOwnAccessKey = () =>
  useChange((body: RequestBody<'POST /api/me/access-keys'>) => api.post<CreatedOwnAccessKey>('/me/access-keys', body), FORGET_AT_ONCE);

export const useUpdateOwnAccessKey = () =>
  useChange(({ accessKeyId, ...body }: { accessKeyId: string } & RequestBody<'PATCH /api/me/access-keys/:accessKeyId'>) =>
    api.patch<UpdateOwnAccessKeyAnswer>(`/me/access-keys/${segment(accessKeyId)}`, body));

export const useDeleteOwnAccessKey = () => useChange((accessKeyId: string) => api.delete(`/me/access-keys/${segment(accessKeyId)}`));

export const useCreateVirtualMfaDevice = () =>
  useChange((body: RequestBody<'POST /api/me/mfa-devices/virtual'>) => api.post<CreatedVirtualMfaDevice>('/me/mfa-devices/virtual', body), FORGET_AT_ONCE);

export const useCancelMfaAssignment = () => useChange((serialNumber: string) => api.delete(`/me/mfa-devices/virtual/${segment(serialNumber)}`));

export const useEnableMfaDevice = () => useChange((body: RequestBody<'POST /api/me/mfa-devices'>) => api.post<void>('/me/mfa-devices', body));

export const useResyncMfaDevice = () =>
  useChange(({ serialNumber, ...codes }: { serialNumber: string } & RequestBody<'POST /api/me/mfa-devices/:serialNumber/resync'>) =>
    api.post<void>(`/me/mfa-devices/${segment(serialNumber)}/resync`, codes));

export const useRemoveMfaDevice = () => useChange((serialNumber: string) => api.delete<RemoveMfaDeviceAnswer>(`/me/mfa-devices/${segment(serialNumber)}`));

export const useChangePassword = () => useChange((body: RequestBody<'PUT /api/me/password'>) => api.put<void>('/me/password', body));
