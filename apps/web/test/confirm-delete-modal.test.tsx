// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmDeleteModal } from '../src/components/confirm-delete-modal.tsx';
import { ErrorAlert } from '../src/components/error-alert.tsx';
import { ApiError } from '../src/lib/api-error.ts';

const isDisabled = (element: HTMLElement) => element.hasAttribute('disabled') || element.getAttribute('aria-disabled') === 'true';

describe('confirm delete modal', () => {
  afterEach(cleanup);

  it('deletes only after the exact name is typed', () => {
    const onConfirm = vi.fn();
    render(<ConfirmDeleteModal visible title="Delete alice?" confirmationText="alice" deleting={false} onConfirm={onConfirm} onCancel={() => undefined} />);
    const button = screen.getByTestId('confirm-delete');
    const input = screen.getByLabelText('Confirm by typing the name');
    expect(isDisabled(button)).toBe(true);
    fireEvent.change(input, { target: { value: 'Alice' } });
    expect(isDisabled(button)).toBe(true);
    fireEvent.click(button);
    expect(onConfirm).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: 'alice' } });
    expect(isDisabled(button)).toBe(false);
    fireEvent.click(button);
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('shows why the delete failed, with the AWS code and request id', () => {
    const error = new ApiError({ message: 'Cannot delete entity, must remove users from group first.', code: 'DeleteConflict', status: 409, requestId: 'r-1' });
    render(<ConfirmDeleteModal visible title="Delete admins?" confirmationText="admins" deleting={false} error={error} onConfirm={() => undefined} onCancel={() => undefined} />);
    expect(screen.getByText('Cannot delete entity, must remove users from group first.')).toBeTruthy();
    expect(screen.getByText('Error code: DeleteConflict · Request ID: r-1')).toBeTruthy();
  });
});

describe('error alert', () => {
  afterEach(cleanup);

  it('names a refusal as missing permission and keeps the action IAM named', () => {
    const denied = new ApiError({ message: 'You lack iam:ListRoles on arn:aws:iam::123456789012:role/', code: 'AccessDenied', status: 403, requestId: 'abc' });
    render(<ErrorAlert error={denied} header="Could not load roles" />);
    expect(screen.getByText('You do not have permission for this')).toBeTruthy();
    expect(screen.getByText(/iam:ListRoles/)).toBeTruthy();
    expect(screen.getByText('Error code: AccessDenied · Request ID: abc')).toBeTruthy();
  });

  it('lists validation details and uses the given headline for other failures', () => {
    const invalid = new ApiError({ message: 'Invalid input', code: 'ValidationError', status: 400, details: [{ path: 'userName', message: 'Too long' }] });
    render(<ErrorAlert error={invalid} header="Could not create the user" />);
    expect(screen.getByText('Could not create the user')).toBeTruthy();
    expect(screen.getByText('Too long')).toBeTruthy();
    expect(screen.getByText('Error code: ValidationError')).toBeTruthy();
  });
});
