// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { asIsoDate, dateFilteringProperty } from '../src/components/date-filter.tsx';
import { UsersTable } from '../src/features/users/components/users-table.tsx';
import { ok, renderPage, resetPage, stubBff } from './support/fake-bff.tsx';

type Matcher = (itemValue: unknown, token: string) => boolean;

function matcher(operator: string): Matcher {
  const found = dateFilteringProperty('createDate', 'Creation time').operators?.find((candidate) => typeof candidate === 'object' && candidate.operator === operator);
  if (!found || typeof found !== 'object' || typeof found.match !== 'function') throw new Error(`no ${operator}`);
  return found.match as Matcher;
}

// Noon local time keeps the calendar day the same in every time zone the test may run in.
const at = (day: string) => new Date(`${day}T12:00:00`).toISOString();

describe('date filtering', () => {
  it('compares by calendar day with each of Cloudscape\'s date operators', () => {
    expect(matcher('<')(at('2026-01-14'), '2026-01-15')).toBe(true);
    expect(matcher('<')(at('2026-01-15'), '2026-01-15')).toBe(false);
    expect(matcher('<=')(at('2026-01-15'), '2026-01-15')).toBe(true);
    expect(matcher('>')(at('2026-01-16'), '2026-01-15')).toBe(true);
    expect(matcher('>=')(at('2026-01-15'), '2026-01-15')).toBe(true);
    expect(matcher('=')(at('2026-01-15'), '2026-01-15')).toBe(true);
    expect(matcher('!=')(at('2026-01-15'), '2026-01-15')).toBe(false);
  });

  it('treats a missing date (never signed in) as matching only "not on"', () => {
    for (const operator of ['<', '<=', '>', '>=', '=']) expect(matcher(operator)(undefined, '2026-01-15')).toBe(false);
    expect(matcher('!=')(undefined, '2026-01-15')).toBe(true);
  });

  it('accepts only whole, real dates', () => {
    expect(asIsoDate('2026/01/31')).toBe('2026-01-31');
    expect(asIsoDate(' 2026-01-31 ')).toBe('2026-01-31');
    expect(asIsoDate('2026-02-30')).toBeNull();
    expect(asIsoDate('2026-01')).toBeNull();
    expect(asIsoDate(undefined)).toBeNull();
  });
});

describe('users list date filter', () => {
  afterEach(resetPage);

  it('filters by creation time with a date typed into the filter', async () => {
    const user = (userName: string, day: string) => ({ userName, userId: `AIDA${userName}`, arn: `arn:aws:iam::123456789012:user/${userName}`, path: '/', createDate: at(day) });
    stubBff({ 'GET /users': ok({ items: [user('early', '2026-01-02'), user('late', '2026-03-04')] }) });
    renderPage(<UsersTable />);
    await screen.findByRole('link', { name: 'late' });
    const input = screen.getByPlaceholderText('Find users');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: 'Creation time < 2026/02/01' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'late' })).toBeNull());
    expect(screen.getByRole('link', { name: 'early' })).toBeTruthy();
    expect(screen.getAllByText('1 match').length).toBeGreaterThan(0);
  });
});
