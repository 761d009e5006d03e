import TopNavigation from '@cloudscape-design/components/top-navigation';
import { useNavigate } from 'react-router';
import { notifyError } from '../../components/notifications.tsx';
import { identityDisplayName, useSignOut, type SignedInSession } from '../../features/session/api/session.ts';
import { useSignOutEverywhere } from '../../features/session/api/sign-out-everywhere.ts';
import { useSwitchRoleMenu } from '../../features/switch-role/components/switch-role-menu.tsx';

export function TopBar({ session }: { session: SignedInSession }) {
  const navigate = useNavigate();
  const signOut = useSignOut();
  const signOutEverywhere = useSignOutEverywhere();
  const switchRole = useSwitchRoleMenu(session);
  const { identity } = session;
  const account = identity.accountAlias ? `${identity.accountAlias} (${identity.accountId})` : identity.accountId;
  return (
    <TopNavigation
      identity={{
        href: '/',
        title: 'IAM Console',
        onFollow: (event) => {
          event.preventDefault();
          navigate('/');
        },
      }}
      utilities={[
        {
          type: 'menu-dropdown',
          text: switchRole.text ?? identityDisplayName(identity),
          // Local mode runs against the embedded endpoint, not AWS: say so where the account is named.
          description: `Account: ${account}${session.localMode ? ' · embedded IAM endpoint' : ''}`,
          iconName: 'user-profile',
          items: [
            { id: 'arn', text: identity.arn, disabled: true },
            { id: 'security-credentials', text: 'Security credentials', href: '/security-credentials' },
            ...switchRole.items,
            { id: 'sign-out', text: 'Sign out' },
            { id: 'sign-out-everywhere', text: 'Sign out of all sessions' },
          ],
          onItemFollow: (event) => {
            if (event.detail.href) {
              event.preventDefault();
              navigate(event.detail.href);
            }
          },
          onItemClick: (event) => {
            if (switchRole.onItemClick(event.detail.id)) return;
            if (event.detail.id === 'sign-out') {
              signOut.mutate(undefined, {
                onSuccess: () => navigate('/signin?reason=signed-out', { replace: true }),
                onError: (error) => notifyError('Sign-out failed', error),
              });
            } else if (event.detail.id === 'sign-out-everywhere') {
              // Every session of this principal, in any browser: the BFF ends them all, this one included.
              signOutEverywhere.mutate(undefined, {
                onSuccess: () => navigate('/signin?reason=signed-out-everywhere', { replace: true }),
                onError: (error) => notifyError('Signing out of all sessions failed', error),
              });
            }
          },
        },
      ]}
    />
  );
}
