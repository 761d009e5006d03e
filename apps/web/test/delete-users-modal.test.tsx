// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeleteUsersModal } from '../src/features/users/components/delete-users-modal.tsx';
import { ok, renderPage, resetPage, stubBff } from './support/fake-bff.tsx';
import { signedInSession, userDetail } from './support/fixtures.ts';

const isDisabled = (element: HTMLElement) => element.hasAttribute('disabled') || element.getAttribute('aria-disabled') === 'true';

describe('deleting users', () => {
  afterEach(resetPage);

  it('names each of several users and asks for "delete", in any case, before deleting them all', async () => {
    const sent = stubBff({
      'GET /session': ok(signedInSession()),
      'DELETE /users/alice': { status: 204 },
      'DELETE /users/carol': { status: 204 },
      'DELETE /users/dave': { status: 204 },
    });
    const onDeleted = vi.fn();
    renderPage(<DeleteUsersModal userNames={['alice', 'carol', 'dave']} onClose={() => undefined} onDeleted={onDeleted} />);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Delete 3 users?')).toBeTruthy();
    const listed = within(within(dialog).getByTestId('users-to-delete')).getAllByRole('listitem').map((item) => item.textContent);
    expect(listed).toEqual(['alice', 'carol', 'dave']);
    expect(within(dialog).getByText('To confirm deletion, enter delete in the text input field.')).toBeTruthy();

    const input = within(dialog).getByLabelText('Confirm by typing delete');
    const button = within(dialog).getByTestId('confirm-delete');
    fireEvent.change(input, { target: { value: 'confirm' } });
    expect(isDisabled(button)).toBe(true);
    fireEvent.change(input, { target: { value: 'alice' } });
    expect(isDisabled(button)).toBe(true);
    fireEvent.change(input, { target: { value: 'Delete' } });
    expect(isDisabled(button)).toBe(false);
    fireEvent.click(button);

    await waitFor(() => expect(onDeleted).toHaveBeenCalledWith(['alice', 'carol', 'dave']));
    expect(sent.filter((request) => request.method === 'DELETE').map((request) => request.path)).toEqual(['/users/alice', '/users/carol', '/users/dave']);
  });

  it('asks for the exact user name when deleting one user', async () => {
    stubBff({ 'GET /users/alice': ok(userDetail('alice')) });
    renderPage(<DeleteUsersModal userNames={['alice']} onClose={() => undefined} onDeleted={() => undefined} />);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('To confirm deletion, enter alice in the text input field.')).toBeTruthy();
    expect(await within(dialog).findByText(/alice has no access keys/)).toBeTruthy();
    const input = within(dialog).getByLabelText('Confirm by typing the name');
    const button = within(dialog).getByTestId('confirm-delete');
    fireEvent.change(input, { target: { value: 'delete' } });
    expect(isDisabled(button)).toBe(true);
    fireEvent.change(input, { target: { value: 'Alice' } });
    expect(isDisabled(button)).toBe(true);
    fireEvent.change(input, { target: { value: 'alice' } });
    expect(isDisabled(button)).toBe(false);
  });
});
