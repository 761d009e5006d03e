import { usePasswordPolicy } from '../../features/account/api/account.ts';
import { UserDetail } from '../../features/users/components/user-detail.tsx';
import { useGroupOptions, useManagedPolicyOptions } from '../option-sources.ts';
import { useNameParam } from '../../lib/path-segment.ts';

export default function UserDetailRoute() {
  const userName = useNameParam('userName');
  const policies = useManagedPolicyOptions();
  const groups = useGroupOptions();
  const passwordPolicy = usePasswordPolicy();
  return (
    <UserDetail
      key={userName}
      userName={userName}
      policies={policies}
      groups={groups}
      // A policy we may not read falls back to describing the IAM default; IAM still enforces the real one.
      passwordPolicy={passwordPolicy.isPending ? undefined : (passwordPolicy.data ?? null)}
    />
  );
}
