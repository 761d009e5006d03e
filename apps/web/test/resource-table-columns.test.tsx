// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { UsersTable } from '../src/features/users/components/users-table.tsx';
import { ok, renderPage, resetPage, stubBff } from './support/fake-bff.tsx';

const KEY = 'iam-console.table.users';
const alice = { userName: 'alice', userId: 'AIDAALICE', arn: 'arn:aws:iam::123456789012:user/alice', path: '/', createDate: '2026-01-01T00:00:00Z' };

/** Stores a column layout as the preferences modal saves it: ids in order, `-` before a hidden one. */
const storeLayout = (...ids: string[]) =>
  localStorage.setItem(KEY, JSON.stringify({ pageSize: 25, contentDisplay: ids.map((id) => ({ id: id.replace(/^-/, ''), visible: !id.startsWith('-') })) }));

const headers = () =>
  screen
    .getAllByRole('columnheader')
    .map((cell) => cell.textContent?.trim() ?? '')
    .filter(Boolean);

describe('column order from preferences', () => {
  afterEach(resetPage);

  it('shows the columns in the order the person arranged them', async () => {
    storeLayout('createDate', 'userName', 'arn', '-path', 'passwordLastUsed', '-userId');
    stubBff({ 'GET /users': ok({ items: [alice] }) });
    renderPage(<UsersTable />);
    await screen.findByRole('link', { name: 'alice' });
    expect(headers()).toEqual(['Creation time', 'User name', 'ARN', 'Console last sign-in']);
  });

  it('keeps that order when the person changes which columns show', async () => {
    storeLayout('path', 'userName', 'createDate', 'passwordLastUsed', '-arn', '-userId');
    stubBff({ 'GET /users': ok({ items: [alice] }) });
    renderPage(<UsersTable />);
    await screen.findByRole('link', { name: 'alice' });
    fireEvent.click(screen.getByRole('button', { name: 'Preferences' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Creation time' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(headers()).toEqual(['Path', 'User name', 'Console last sign-in']);
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '{}') as { contentDisplay: { id: string }[] };
    expect(stored.contentDisplay.map((column) => column.id)).toEqual(['path', 'userName', 'createDate', 'passwordLastUsed', 'arn', 'userId']);
  });
});
