import { useParams } from 'react-router';
import { GroupDetail } from '../../features/groups/components/group-detail.tsx';
import { useManagedPolicyOptions, useUserOptions } from '../option-sources.ts';

export default function GroupDetailRoute() {
  const groupName = useParams().groupName ?? '';
  return <GroupDetail key={groupName} groupName={groupName} users={useUserOptions()} policies={useManagedPolicyOptions()} />;
}
