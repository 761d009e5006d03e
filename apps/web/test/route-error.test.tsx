// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RouteError } from '../src/app/layout/route-error.tsx';

function Broken({ message }: { message: string }): never {
  throw new Error(message);
}

function renderAt(message: string) {
  const router = createMemoryRouter([{ path: '/', element: <Broken message={message} />, errorElement: <RouteError /> }]);
  render(<RouterProvider router={router} />);
}

describe('route error', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('shows what broke instead of a blank page, with a reload', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderAt('Cannot read properties of undefined');
    expect(screen.getByText('This page failed to display')).toBeTruthy();
    expect(screen.getByText('Cannot read properties of undefined')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });

  it('explains a missing page chunk after an update', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderAt('Failed to fetch dynamically imported module: /assets/users-abc.js');
    expect(screen.getByText('The console was updated')).toBeTruthy();
    expect(screen.getByText(/Reload the page/)).toBeTruthy();
  });
});
