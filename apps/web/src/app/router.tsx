import type { QueryClient } from '@tanstack/react-query';
import { credentialReportQueryOptions } from '../features/credential-report/api/credential-report.ts';
import { groupsQueryOptions } from '../features/groups/api/groups.ts';
import { policiesQueryOptions } from '../features/policies/api/policies.ts';
import { rolesQueryOptions } from '../features/roles/api/roles.ts';
import { sessionQueryOptions } from '../features/session/api/session.ts';
import { usersQueryOptions } from '../features/users/api/users.ts';
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { listPageModules } from './list-pages.ts';
import { clearNotifications } from '../components/notifications.tsx';
import { api } from '../lib/api-client.ts';
import { fromSegment, segment } from '../lib/path-segment.ts';
import type { Crumb } from './layout/breadcrumbs.tsx';
import { RouteError } from './layout/route-error.tsx';
import { Shell } from './layout/shell.tsx';
import { shortName } from '@iam-console/api-contract/arn.ts';

// Every page is its own chunk: the first visit downloads the shell and the page it opens, nothing else.
const SignInRoute = lazy(() => import('./routes/sign-in.tsx'));
const ChangePasswordRoute = lazy(() => import('./routes/change-password.tsx'));
const DashboardRoute = lazy(() => import('./routes/dashboard.tsx'));
const UsersRoute = lazy(listPageModules.users);
const CreateUserRoute = lazy(() => import('./routes/create-user.tsx'));
const UserDetailRoute = lazy(() => import('./routes/user-detail.tsx'));
const GroupsRoute = lazy(listPageModules.groups);
const CreateGroupRoute = lazy(() => import('./routes/create-group.tsx'));
const GroupDetailRoute = lazy(() => import('./routes/group-detail.tsx'));
const RolesRoute = lazy(listPageModules.roles);
const RoleDetailRoute = lazy(() => import('./routes/role-detail.tsx'));
const CreateRoleRoute = lazy(() => import('./routes/create-role.tsx'));
const PoliciesRoute = lazy(listPageModules.policies);
const PolicyDetailRoute = lazy(() => import('./routes/policy-detail.tsx'));
const CreatePolicyRoute = lazy(() => import('./routes/create-policy.tsx'));
const AccountSettingsRoute = lazy(() => import('./routes/account-settings.tsx'));
const CredentialReportRoute = lazy(() => import('./routes/credential-report.tsx'));
const PolicySimulatorRoute = lazy(() => import('./routes/policy-simulator.tsx'));
const AuditLogRoute = lazy(() => import('./routes/audit-log.tsx'));
const SecurityCredentialsRoute = lazy(() => import('./routes/security-credentials.tsx'));
const DeploymentCredentialsRoute = lazy(() => import('./routes/deployment-credentials.tsx'));
const SwitchRoleRoute = lazy(() => import('./routes/switch-role.tsx'));
const NotFoundRoute = lazy(() => import('./routes/not-found.tsx'));

const crumb = (build: Crumb['build']) => ({ crumb: { build } satisfies Crumb });

/** List, optional create page and detail page of one IAM resource, each with its crumb. */
function resourceRoutes(options: {
  path: string;
  title: string;
  list: ReactNode;
  /** Starts loading the list while the page's code downloads (see `prefetchWhenSignedIn`). */
  listQuery?: () => void;
  create?: { title: string; element: ReactNode };
  param: string;
  detail: ReactNode;
  detailText?: (value: string) => string;
}): RouteObject {
  const base = `/${options.path}`;
  const children: RouteObject[] = [
    {
      index: true,
      element: options.list,
      loader: () => {
        options.listQuery?.();
        return null;
      },
    },
  ];
  if (options.create) {
    children.push({ path: 'create', element: options.create.element, handle: crumb(() => ({ text: options.create?.title ?? '', href: `${base}/create` })) });
  }
  children.push({
    path: `:${options.param}`,
    element: options.detail,
    handle: crumb((params) => {
      const value = fromSegment(params[options.param] ?? '');
      return { text: options.detailText ? options.detailText(value) : value, href: `${base}/${segment(value)}` };
    }),
  });
  return { path: options.path, handle: crumb(() => ({ text: options.title, href: base })), children };
}

export function buildRoutes(queryClient: QueryClient): RouteObject[] {
  // The list request and the page chunk then travel in parallel instead of one after the other. Only
  // for a known signed-in session: a signed-out visit should land on sign-in, not on "session expired".
  const whenSignedIn = (prefetch: () => Promise<void>) => () => {
    const session = queryClient.getQueryData(sessionQueryOptions().queryKey);
    if (session?.signedIn) void prefetch();
  };
  return [
    {
      path: '/signin',
      errorElement: <RouteError />,
      element: (
        <Suspense fallback={<Loading />}>
          <SignInRoute />
        </Suspense>
      ),
    },
    {
      path: '/change-password',
      errorElement: <RouteError />,
      element: (
        <Suspense fallback={<Loading />}>
          <ChangePasswordRoute />
        </Suspense>
      ),
    },
    {
      path: '/',
      element: <Shell />,
      errorElement: <RouteError />,
      // List routes have loaders (prefetch); this shows while the first one settles.
      hydrateFallbackElement: <Loading />,
      handle: crumb(() => ({ text: 'IAM', href: '/' })),
      children: [
        {
          // A page that throws (or whose code fails to load) shows an error inside the shell, not a blank screen.
          errorElement: <RouteError />,
          children: [
            { index: true, element: <DashboardRoute />, handle: crumb(() => ({ text: 'Dashboard', href: '/' })) },
            resourceRoutes({ path: 'users', title: 'Users', list: <UsersRoute />, listQuery: whenSignedIn(() => queryClient.prefetchQuery(usersQueryOptions())), create: { title: 'Create user', element: <CreateUserRoute /> }, param: 'userName', detail: <UserDetailRoute /> }),
            resourceRoutes({ path: 'groups', title: 'User groups', list: <GroupsRoute />, listQuery: whenSignedIn(() => queryClient.prefetchQuery(groupsQueryOptions())), create: { title: 'Create user group', element: <CreateGroupRoute /> }, param: 'groupName', detail: <GroupDetailRoute /> }),
            resourceRoutes({ path: 'roles', title: 'Roles', list: <RolesRoute />, listQuery: whenSignedIn(() => queryClient.prefetchQuery(rolesQueryOptions())), create: { title: 'Create role', element: <CreateRoleRoute /> }, param: 'roleName', detail: <RoleDetailRoute /> }),
            resourceRoutes({
              path: 'policies',
              title: 'Policies',
              list: <PoliciesRoute />,
              listQuery: whenSignedIn(() => queryClient.prefetchQuery(policiesQueryOptions())),
              create: { title: 'Create policy', element: <CreatePolicyRoute /> },
              param: 'policyArn',
              detail: <PolicyDetailRoute />,
              // A policy ARN is long; its crumb is the policy name, the ARN's last segment.
              detailText: shortName,
            }),
            {
              path: 'account-settings',
              element: <AccountSettingsRoute />,
              handle: crumb(() => ({ text: 'Account settings', href: '/account-settings' })),
            },
            {
              path: 'credential-report',
              element: <CredentialReportRoute />,
              loader: () => {
                whenSignedIn(() => queryClient.prefetchQuery(credentialReportQueryOptions()))();
                return null;
              },
              handle: crumb(() => ({ text: 'Credential report', href: '/credential-report' })),
            },
            {
              path: 'policy-simulator',
              element: <PolicySimulatorRoute />,
              handle: crumb(() => ({ text: 'Policy simulator', href: '/policy-simulator' })),
            },
            { path: 'audit-log', element: <AuditLogRoute />, handle: crumb(() => ({ text: 'Audit log', href: '/audit-log' })) },
            {
              path: 'deployment-credentials',
              element: <DeploymentCredentialsRoute />,
              handle: crumb(() => ({ text: 'Deployment credentials', href: '/deployment-credentials' })),
            },
            {
              path: 'security-credentials',
              element: <SecurityCredentialsRoute />,
              handle: crumb(() => ({ text: 'My security credentials', href: '/security-credentials' })),
            },
            // The AWS console's path, so a switch-role link's query works here as it does there.
            { path: 'switchrole', element: <SwitchRoleRoute />, handle: crumb(() => ({ text: 'Switch role', href: '/switchrole' })) },
            { path: '*', element: <NotFoundRoute />, handle: crumb(() => ({ text: 'Not found', href: '#' })) },
          ],
        },
      ],
    },
  ];
}

export function createAppRouter(queryClient: QueryClient) {
  const router = createBrowserRouter(buildRoutes(queryClient));
  // Whatever call finds the session gone, the person lands on sign-in once, with the reason shown.
  api.onSessionLost(() => {
    if (router.state.location.pathname === '/signin') return;
    queryClient.clear();
    clearNotifications();
    const next = router.state.location.pathname + router.state.location.search;
    void router.navigate(`/signin?reason=expired&next=${encodeURIComponent(next)}`, { replace: true });
  });
  return router;
}
