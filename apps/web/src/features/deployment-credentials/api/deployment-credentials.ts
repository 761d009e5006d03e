// The Deployment credentials wizard's calls; types come from the API contract.
import type { Answer, RequestBody } from '@iam-console/api-contract/routes.ts';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export type CreatedDeploymentUser = Answer<'POST /api/deployment-credentials/users'>;
export type CreatedDeploymentRole = Answer<'POST /api/deployment-credentials/roles'>;
export type CheckedIdentity = Answer<'POST /api/deployment-credentials/check'>;
export type CreateDeploymentUserBody = RequestBody<'POST /api/deployment-credentials/users'>;
export type CreateDeploymentRoleBody = RequestBody<'POST /api/deployment-credentials/roles'>;
export type CheckBody = RequestBody<'POST /api/deployment-credentials/check'>;

// The answer holds a secret access key: dropped from the cache as soon as nothing observes it.
const FORGET_AT_ONCE = { gcTime: 0 } as const;

export const useCreateDeploymentUser = () =>
  useMutation({ mutationFn: (body: CreateDeploymentUserBody) => api.post<CreatedDeploymentUser>('/deployment-credentials/users', body), ...FORGET_AT_ONCE });

export const useCreateDeploymentRole = () =>
  useMutation({ mutationFn: (body: CreateDeploymentRoleBody) => api.post<CreatedDeploymentRole>('/deployment-credentials/roles', body) });

export const useCheckDeploymentCredentials = () =>
  useMutation({ mutationFn: (body: CheckBody) => api.post<CheckedIdentity>('/deployment-credentials/check', body) });
