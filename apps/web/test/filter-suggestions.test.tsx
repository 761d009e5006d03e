// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { dateFilteringProperty } from '../src/components/date-filter.tsx';
import { valueSuggestions } from '../src/components/filter-suggestions.ts';
import { UsersTable } from '../src/features/users/components/users-table.tsx';
import { ok, renderPage, resetPage, stubBff } from './support/fake-bff.tsx';

const user = (userName: string, path = '/') => ({
  userName,
  userId: `AIDA${userName.toUpperCase()}`,
  arn: `arn:aws:iam::123456789012:user${path}${userName}`,
  path,
  createDate: '2026-01-01T12:00:00Z',
});

describe('value suggestions', () => {
  const properties = [
    { key: 'userName', propertyLabel: 'User name', groupValuesLabel: 'User names' },
    { key: 'path', propertyLabel: 'Path', groupValuesLabel: 'Paths' },
    dateFilteringProperty('createDate', 'Creation time'),
  ];

  it('offers each distinct value of every value-picked property once, in list order', () => {
    const options = valueSuggestions([user('bob', '/ops/'), user('alice'), user('carol', '/ops/')], properties);
    expect(options).toEqual([
      { propertyKey: 'userName', value: 'bob' },
      { propertyKey: 'userName', value: 'alice' },
      { propertyKey: 'userName', value: 'carol' },
      { propertyKey: 'path', value: '/ops/' },
      { propertyKey: 'path', value: '/' },
    ]);
  });

  it('leaves out dates (picked in a form) and empty values, and writes booleans and 0 as text', () => {
    const items = [{ flag: false, count: 0, note: '' }, { flag: true, count: 2, note: null }];
    const flags = [{ key: 'flag' }, { key: 'count' }, { key: 'note' }].map((p) => ({ ...p, propertyLabel: p.key, groupValuesLabel: p.key }));
    expect(valueSuggestions(items, flags)).toEqual([
      { propertyKey: 'flag', value: 'false' },
      { propertyKey: 'flag', value: 'true' },
      { propertyKey: 'count', value: '0' },
      { propertyKey: 'count', value: '2' },
    ]);
    expect(valueSuggestions([user('alice')], [dateFilteringProperty('createDate', 'Creation time')])).toEqual([]);
  });
});

describe('users list filter suggestions', () => {
  afterEach(resetPage);

  const optionTexts = () => screen.queryAllByRole('option').map((option) => option.textContent ?? '');

  /** The users list of `users` with `text` typed into its filter. */
  async function typeIntoFilter(users: ReturnType<typeof user>[], text: string) {
    stubBff({ 'GET /users': ok({ items: users }) });
    renderPage(<UsersTable />);
    await screen.findByRole('link', { name: users[0]?.userName ?? '' });
    const input = screen.getByPlaceholderText('Find users');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: text } });
  }

  it('suggests user names once a value is typed', async () => {
    await typeIntoFilter([user('alice'), user('albert'), user('bob')], 'al');
    // Built on first request (Cloudscape asks after its input debounce), so they appear a moment later.
    await waitFor(() => expect(optionTexts().some((text) => text.includes('alice'))).toBe(true), { timeout: 3000 });
    expect(optionTexts().some((text) => text.includes('albert'))).toBe(true);
    expect(optionTexts().some((text) => text.includes('bob'))).toBe(false);
  });

  it('suggests the values of one property after its name and operator', async () => {
    await typeIntoFilter([user('alice', '/ops/'), user('bob', '/dev/')], 'Path = ');
    await waitFor(() => expect(optionTexts().some((text) => text.includes('/dev/'))).toBe(true), { timeout: 3000 });
    expect(optionTexts().some((text) => text.includes('/ops/'))).toBe(true);
  });
});
