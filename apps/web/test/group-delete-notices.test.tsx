// @vitest-environment jsdom
// Deleting a group takes the notices about it with it, also those about a policy attached to it on its page.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { afterEach, describe, expect, it } from 'vitest';
import { clearNotifications, currentNotifications } from '../src/components/notifications.tsx';
import { GroupDetail } from '../src/features/groups/components/group-detail.tsx';
import { ok, renderPage, resetPage, stubBff } from './support/fake-bff.tsx';
import { signedInSession } from './support/fixtures.ts';

const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const group = { groupName: 'Ops', groupId: 'AGPA1', arn: 'arn:aws:iam::123456789012:group/Ops', path: '/', createDate: '2026-01-01T00:00:00Z' };
const policies = { items: [{ policyName: 'ReadOnlyAccess', arn: READ_ONLY, awsManaged: true }], loading: false, error: null };
const none = { items: [], loading: false, error: null };
const shown = () => currentNotifications().map((notice) => String(notice.content));

describe('group deletion and its notices', () => {
  afterEach(() => {
    resetPage();
    clearNotifications();
  });

  it('clears "1 policy attached to Ops." when Ops is deleted', async () => {
    stubBff({
      'GET /session': ok(signedInSession()),
      'GET /groups/Ops': ok({ group, users: [], attachedPolicies: [], inlinePolicies: [], unavailable: [] }),
      'POST /groups/Ops/attached-policies': { status: 204 },
      'DELETE /groups/Ops': { status: 204 },
    });
    renderPage(<GroupDetail groupName="Ops" users={none} policies={policies} />, '/groups/Ops');
    fireEvent.click(await screen.findByRole('tab', { name: 'Permissions' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Add permissions' }));
    const attachDialog = await screen.findByRole('dialog', { name: 'Attach policies to Ops' });
    const multiselect = createWrapper(attachDialog).findMultiselect();
    if (!multiselect) throw new Error('no policy multiselect');
    multiselect.openDropdown();
    multiselect.selectOptionByValue(READ_ONLY);
    fireEvent.click(within(attachDialog).getByRole('button', { name: 'Add permissions' }));
    await waitFor(() => expect(shown()).toEqual(['1 policy attached to Ops.']));

    fireEvent.click(screen.getAllByRole('button', { name: 'Delete' })[0]!);
    const deleteDialog = await screen.findByRole('dialog', { name: 'Delete Ops?' });
    fireEvent.change(within(deleteDialog).getByLabelText('Confirm by typing the name'), { target: { value: 'Ops' } });
    fireEvent.click(within(deleteDialog).getByTestId('confirm-delete'));
    await waitFor(() => expect(shown()).toEqual(['User group Ops deleted.']));
  });
});
