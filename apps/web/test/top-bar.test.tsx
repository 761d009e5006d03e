// @vitest-environment jsdom
// The identity menu: "Sign out of all sessions" asks the BFF to end every session of this principal and lands on
// sign-in saying so; a failure leaves the person where they are, told why.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TopBar } from '../src/app/layout/top-bar.tsx';
import { clearNotifications, currentNotifications } from '../src/components/notifications.tsx';
import type { SignedInSession } from '../src/features/session/api/session.ts';

const session: SignedInSession = {
  signedIn: true,
  csrfToken: 'token-1',
  localMode: false,
  credentialChain: false,
  identity: { arn: 'arn:aws:iam::123456789012:user/alice', accountId: '123456789012', userId: 'AIDA1', type: 'user', userName: 'alice' },
  mfaAuthenticated: true,
  expiresAt: '2030-01-01T00:00:00Z',
  idleExpiresAt: '2030-01-01T00:00:00Z',
};

interface Sent {
  method: string;
  url: string;
  csrf: string | undefined;
}

function fakeBff(signOutEverywhere: () => Response) {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    sent.push({ method: init.method ?? 'GET', url, csrf: headers['x-csrf-token'] });
    if (url === '/api/session') return Response.json({ signedIn: true, csrfToken: 'token-1', localMode: false });
    if (url === '/api/session/sign-out-everywhere' && init.method === 'POST') return signOutEverywhere();
    return Response.json({ error: { message: 'nope', code: 'NotFound', status: 404 } }, { status: 404 });
  });
  return sent;
}

function Where() {
  const location = useLocation();
  return <p>at {location.pathname + location.search}</p>;
}

function renderTopBar() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const router = createMemoryRouter(
    [
      { path: '/users', element: <><TopBar session={session} /><Where /></> },
      { path: '/signin', element: <Where /> },
    ],
    { initialEntries: ['/users'] },
  );
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

async function chooseFromIdentityMenu(item: string) {
  // jsdom lays nothing out, so Cloudscape shows the narrow top bar: its utilities sit behind one overflow button.
  fireEvent.click(screen.getByRole('button', { expanded: false }));
  fireEvent.click(await screen.findByRole('button', { name: /alice/ }));
  fireEvent.click(await screen.findByRole('button', { name: item }));
}

describe('identity menu', () => {
  afterEach(() => {
    cleanup();
    clearNotifications();
    vi.unstubAllGlobals();
  });

  it('"Sign out of all sessions" ends every session through the BFF and lands on sign-in', async () => {
    const sent = fakeBff(() => new Response(null, { status: 204 }));
    renderTopBar();
    await chooseFromIdentityMenu('Sign out of all sessions');
    expect(await screen.findByText('at /signin?reason=signed-out-everywhere')).toBeTruthy();
    const call = sent.find((s) => s.url === '/api/session/sign-out-everywhere');
    expect(call).toMatchObject({ method: 'POST', csrf: 'token-1' });
    expect(sent.some((s) => s.url === '/api/session' && s.method === 'DELETE')).toBe(false);
  });

  it('stays on the page when the BFF cannot end the sessions', async () => {
    const sent = fakeBff(() => Response.json({ error: { message: 'Something went wrong in the console server.', code: 'InternalError', status: 500 } }, { status: 500 }));
    renderTopBar();
    await chooseFromIdentityMenu('Sign out of all sessions');
    // The failure is reported where a success would have navigated: once it shows, the page stays.
    await waitFor(() => expect(currentNotifications().map((n) => n.header)).toContain('Signing out of all sessions failed'));
    expect(sent.some((s) => s.url === '/api/session/sign-out-everywhere')).toBe(true);
    expect(screen.getByText('at /users')).toBeTruthy();
  });
});
