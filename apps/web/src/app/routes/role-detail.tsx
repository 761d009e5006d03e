import { RoleDetail } from '../../features/roles/components/role-detail.tsx';
import { useManagedPolicyOptions } from '../option-sources.ts';
import { useNameParam } from '../../lib/path-segment.ts';

export default function RoleDetailRoute() {
  const roleName = useNameParam('roleName');
  return <RoleDetail key={roleName} roleName={roleName} policies={useManagedPolicyOptions()} />;
}
