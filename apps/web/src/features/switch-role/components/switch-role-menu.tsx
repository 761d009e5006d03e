import { useNavigate } from 'react-router';
import type { SignedInSession, SwitchedRole } from '@iam-console/api-contract/session.ts';
import { CONSOLE_SWITCH_ROLE_PATH } from '@iam-console/api-contract/switch-role-links.ts';
import { notifyError, notifySuccess } from '../../../components/notifications.tsx';
import { useRoleSessionExpiry } from '../api/role-session.ts';
import { useSwitchBack } from '../api/switch-role.ts';
import { SwitchedRoleBand } from './switched-role-band.tsx';

export type SwitchRoleMenuSession = Pick<SignedInSession, 'identity' | 'switchedRole' | 'roleSessionEnded'>;

const BACK = 'switch-role-back';

/** "Back to <user name>": the sign-in's own credentials again, from anywhere in the console. */
function useGoBack(role: SwitchedRole | undefined) {
  const navigate = useNavigate();
  const back = useSwitchBack();
  const user = role?.signedInAs.userName ?? role?.signedInAs.arn ?? '';
  const goBack = () =>
    back.mutate(undefined, {
      onSuccess: () => {
        notifySuccess(`You are back to ${user}'s own permissions.`, { subjects: ['switch-role'] });
        navigate('/');
      },
      onError: (error) => notifyError(`Could not go back to ${user}`, error),
    });
  return { user, goBack, busy: back.isPending };
}

/**
 * What "Switch role" adds to the identity menu (IAM User Guide, "Switching to a role (console)"): the Switch role
 * page, and while a role is active its display name as the menu's text and "Back to <user name>".
 */
export function useSwitchRoleMenu(session: SwitchRoleMenuSession) {
  const role = session.switchedRole;
  const { user, goBack } = useGoBack(role);
  // The root user cannot switch roles: no entry for it.
  const canSwitch = session.identity.type !== 'root';
  return {
    /** The menu's text while a role is active: its display name. */
    text: role?.displayName,
    items: [
      ...(canSwitch ? [{ id: 'switch-role', text: 'Switch role', href: CONSOLE_SWITCH_ROLE_PATH }] : []),
      ...(role ? [{ id: BACK, text: `Back to ${user}` }] : []),
    ],
    /** Handles the menu's own items; false for any other. */
    onItemClick: (id: string) => {
      if (id !== BACK) return false;
      goBack();
      return true;
    },
  };
}

/** Under the navigation bar while a role is active; it also notices when the role's credentials expire. */
export function SwitchedRoleBar({ session }: { session: SwitchRoleMenuSession }) {
  const role = session.switchedRole;
  const { goBack, busy } = useGoBack(role);
  useRoleSessionExpiry({ ...session, identity: role?.signedInAs ?? session.identity });
  return role ? <SwitchedRoleBand role={role} onBack={goBack} busy={busy} /> : null;
}
