import { CreateGroupForm } from '../../features/groups/components/create-group-form.tsx';
import { useManagedPolicyOptions, useUserOptions } from '../option-sources.ts';

export default function CreateGroupRoute() {
  return <CreateGroupForm users={useUserOptions()} policies={useManagedPolicyOptions()} />;
}
