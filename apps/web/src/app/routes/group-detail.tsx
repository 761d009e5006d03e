import { GroupDetail } from '../../features/groups/components/group-detail.tsx';
import { useManagedPolicyOptions, useUserOptions } from '../option-sources.ts';
import { useNameParam } from '../../lib/path-segment.ts';

export default function GroupDetailRoute() {
  const groupName = useNameParam('groupName');
  return <GroupDetail key={groupName} groupName={groupName} users={useUserOptions()} policies={useManagedPolicyOptions()} />;
}
