import AppLayout from '@cloudscape-design/components/app-layout';
import { Suspense, useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notifications } from '../../components/notifications.tsx';
import { useSession } from '../../features/session/api/session.ts';
import { SwitchedRoleBar } from '../../features/switch-role/components/switch-role-menu.tsx';
import { preloadListPages } from '../list-pages.ts';
import { Breadcrumbs } from './breadcrumbs.tsx';
import { Navigation } from './navigation.tsx';
import { TopBar } from './top-bar.tsx';
import { changePasswordPath } from '../change-password-path.ts';

/** The signed-in frame: top bar with the identity, IAM navigation, breadcrumbs and notifications. */
export function Shell() {
  const session = useSession();
  const location = useLocation();
  const signedIn = session.data?.signedIn === true;
  useEffect(() => {
    if (signedIn) preloadListPages();
  }, [signedIn]);
  if (session.isPending) return <Loading label="Loading session" />;
  if (session.error) {
    return (
      <div className="sign-in-page">
        <ErrorAlert error={session.error} header="Could not reach the console server" />
      </div>
    );
  }
  if (!session.data.signedIn) {
    const next = location.pathname + location.search;
    const params = new URLSearchParams();
    if (session.data.sessionExpired) params.set('reason', 'expired');
    if (next !== '/') params.set('next', next);
    const query = params.toString();
    return <Navigate to={query ? `/signin?${query}` : '/signin'} replace />;
  }
  // The AWS console allows nothing else until a password that must be changed is.
  if (session.data.passwordResetRequired) return <Navigate to={changePasswordPath(location.pathname + location.search)} replace />;
  return (
    <>
      <div id="top-nav">
        <TopBar session={session.data} />
        <SwitchedRoleBar session={session.data} />
      </div>
      <AppLayout
        headerSelector="#top-nav"
        navigation={<Navigation />}
        breadcrumbs={<Breadcrumbs />}
        notifications={<Notifications />}
        toolsHide
        ariaLabels={{ navigation: 'IAM navigation', navigationClose: 'Close navigation', navigationToggle: 'Open navigation' }}
        content={
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        }
      />
    </>
  );
}
