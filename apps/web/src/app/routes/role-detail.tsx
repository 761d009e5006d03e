import { useParams } from 'react-router';
import { RoleDetail } from '../../features/roles/components/role-detail.tsx';
import { useManagedPolicyOptions } from '../option-sources.ts';

export default function RoleDetailRoute() {
  const roleName = useParams().roleName ?? '';
  return <RoleDetail key={roleName} roleName={roleName} policies={useManagedPolicyOptions()} />;
}
