import { useSession } from '../../features/session/api/session.ts';
import { CreateRoleForm } from '../../features/roles/components/create-role-form.tsx';
import { useManagedPolicyOptions } from '../option-sources.ts';

export default function CreateRoleRoute() {
  const session = useSession();
  const accountId = session.data?.signedIn ? session.data.identity.accountId : '';
  return <CreateRoleForm accountId={accountId} policies={useManagedPolicyOptions()} />;
}
