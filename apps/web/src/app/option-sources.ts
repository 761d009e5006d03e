// The app layer lends one feature's lists to another (features never import each other): pickers get
// plain option sources built from the owning feature's queries.
import { useMemo } from 'react';
import { useGroups } from '../features/groups/api/groups.ts';
import { usePolicies } from '../features/policies/api/policies.ts';
import { useUsers } from '../features/users/api/users.ts';
import type { ManagedPolicyOption, OptionsSource } from '../lib/iam-types.ts';

export function useManagedPolicyOptions(): OptionsSource<ManagedPolicyOption> {
  const policies = usePolicies();
  const items = useMemo(
    () =>
      policies.data
        ?.filter((policy) => policy.isAttachable)
        .map((policy) => ({ arn: policy.arn, policyName: policy.policyName, awsManaged: policy.awsManaged, description: policy.description, defaultVersionId: policy.defaultVersionId })),
    [policies.data],
  );
  return { items, loading: policies.isPending, error: policies.error };
}

export function useGroupOptions(): OptionsSource<{ groupName: string }> {
  const groups = useGroups();
  return { items: groups.data, loading: groups.isPending, error: groups.error };
}

export function useUserOptions(): OptionsSource<{ userName: string }> {
  const users = useUsers();
  return { items: users.data, loading: users.isPending, error: users.error };
}
