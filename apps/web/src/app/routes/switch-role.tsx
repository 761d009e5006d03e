import { useLocation } from 'react-router';
import { useSession } from '../../features/session/api/session.ts';
import { SwitchRolePage } from '../../features/switch-role/components/switch-role-page.tsx';

export default function SwitchRoleRoute() {
  const location = useLocation();
  const session = useSession();
  const switchedRole = session.data?.signedIn ? session.data.switchedRole : undefined;
  // A new link opened while on the page fills the form anew.
  return <SwitchRolePage key={location.search} search={location.search} switchedRole={switchedRole} />;
}
