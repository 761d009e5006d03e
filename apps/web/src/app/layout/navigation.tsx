import SideNavigation, { type SideNavigationProps } from '@cloudscape-design/components/side-navigation';
import { useLocation } from 'react-router';
import { useFollowHandler } from '../../components/router-link.tsx';

// The IAM console's left navigation, in its order and wording.
export const navigationItems: SideNavigationProps.Item[] = [
  { type: 'link', text: 'Dashboard', href: '/' },
  {
    type: 'section',
    text: 'Access management',
    items: [
      { type: 'link', text: 'User groups', href: '/groups' },
      { type: 'link', text: 'Users', href: '/users' },
      { type: 'link', text: 'Roles', href: '/roles' },
      { type: 'link', text: 'Policies', href: '/policies' },
      { type: 'link', text: 'Account settings', href: '/account-settings' },
      { type: 'link', text: 'Deployment credentials', href: '/deployment-credentials' },
    ],
  },
  {
    type: 'section',
    text: 'Access reports',
    items: [
      { type: 'link', text: 'Credential report', href: '/credential-report' },
      { type: 'link', text: 'Audit log', href: '/audit-log' },
      { type: 'link', text: 'Policy simulator', href: '/policy-simulator' },
    ],
  },
  { type: 'divider' },
  { type: 'link', text: 'My security credentials', href: '/security-credentials' },
];

/** `/users/alice` highlights "Users": the active item is the first path segment. */
export function activeHrefFor(pathname: string): string {
  const first = pathname.split('/').filter(Boolean)[0];
  return first ? `/${first}` : '/';
}

export function Navigation() {
  const location = useLocation();
  const onFollow = useFollowHandler();
  return (
    <SideNavigation
      header={{ text: 'Identity and Access Management (IAM)', href: '/' }}
      items={navigationItems}
      activeHref={activeHrefFor(location.pathname)}
      onFollow={onFollow}
    />
  );
}
