// The principals to choose from (the users and roles lists) and the simulation itself, through the BFF.
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Answer, RequestBody } from '@iam-console/api-contract/routes.ts';
import { api } from '../../../lib/api-client.ts';

export type Simulation = Answer<'POST /api/policy-simulator'>;
export type SimulationInput = RequestBody<'POST /api/policy-simulator'>;

export interface PrincipalOption {
  kind: 'user' | 'role';
  name: string;
  arn: string;
}

export function usePrincipals() {
  const users = useQuery({
    queryKey: ['policy-simulator', 'users'],
    queryFn: async () => (await api.get<Answer<'GET /api/users'>>('/users')).items,
  });
  const roles = useQuery({
    queryKey: ['policy-simulator', 'roles'],
    queryFn: async () => (await api.get<Answer<'GET /api/roles'>>('/roles')).items,
  });
  const options: PrincipalOption[] = [
    ...(users.data ?? []).map((u) => ({ kind: 'user' as const, name: u.userName, arn: u.arn })),
    ...(roles.data ?? []).map((r) => ({ kind: 'role' as const, name: r.roleName, arn: r.arn })),
  ];
  return { options, loading: users.isPending || roles.isPending, error: users.error ?? roles.error };
}

export function useSimulation() {
  return useMutation({ mutationFn: (input: SimulationInput) => api.post<Simulation>('/policy-simulator', input) });
}
