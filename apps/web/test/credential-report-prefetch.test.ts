// Opening the Credential report page asks for the report as the route starts (while the page's code downloads),
// for a signed-in session only: a signed-out visit must land on sign-in without a report request.
import { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildRoutes } from '../src/app/router.tsx';
import { sessionQueryOptions } from '../src/features/session/api/session.ts';

function findRoute(routes: RouteObject[], path: string): RouteObject | undefined {
  for (const route of routes) {
    if (route.path === path) return route;
    const inner = findRoute(route.children ?? [], path);
    if (inner) return inner;
  }
  return undefined;
}

async function openReportRoute(signedIn: boolean) {
  const fetch = vi.fn(async (_input: RequestInfo | URL) => new Response(JSON.stringify({ generatedTime: '2026-12-07T00:00:00.000Z', reportFormat: 'text/csv', content: 'user\n' }), { headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetch);
  const queryClient = new QueryClient();
  queryClient.setQueryData(sessionQueryOptions().queryKey, { signedIn } as never);
  const loader = findRoute(buildRoutes(queryClient), 'credential-report')?.loader;
  expect(typeof loader).toBe('function');
  (loader as () => unknown)();
  await vi.waitFor(() => expect(fetch.mock.calls.length > 0 || !signedIn).toBe(true));
  return fetch.mock.calls.map(([input]) => String(input));
}

afterEach(() => vi.unstubAllGlobals());

describe('the credential report route', () => {
  it('starts fetching the report when signed in', async () => {
    expect(await openReportRoute(true)).toEqual([expect.stringMatching(/\/api\/credential-report$/)]);
  });

  it('asks for nothing when not signed in', async () => {
    expect(await openReportRoute(false)).toEqual([]);
  });
});
