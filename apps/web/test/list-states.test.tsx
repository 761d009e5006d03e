// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { GroupsTable } from '../src/features/groups/components/groups-table.tsx';
import { PoliciesTable } from '../src/features/policies/components/policies-table.tsx';
import { RolesTable } from '../src/features/roles/components/roles-table.tsx';
import { UsersTable } from '../src/features/users/components/users-table.tsx';
import { accessDenied, failure, ok, renderPage, resetPage, stubBff } from './support/fake-bff.tsx';
import { signedInSession, switchRoleUrl } from './support/fixtures.ts';

interface ListPage {
  title: string;
  page: ReactNode;
  route: string;
  many: string;
  action: string;
  resource: string;
  row: Record<string, unknown>;
  rowName: string;
  /** The create action of the header and of the empty state. */
  create: string;
  /** The row's selection control. */
  select: string;
  /** The BFF call the delete dialog makes. */
  deleteRoute: string;
}

const lists: ListPage[] = [
  {
    title: 'Users',
    page: <UsersTable />,
    route: 'GET /users',
    many: 'users',
    action: 'iam:ListUsers',
    resource: 'arn:aws:iam::123456789012:user/',
    row: { userName: 'alice', userId: 'AIDAALICE', arn: 'arn:aws:iam::123456789012:user/alice', path: '/', createDate: '2026-01-01T00:00:00Z' },
    rowName: 'alice',
    create: 'Create user',
    select: 'Select alice',
    deleteRoute: 'DELETE /users/alice',
  },
  {
    title: 'Roles',
    page: <RolesTable />,
    route: 'GET /roles',
    many: 'roles',
    action: 'iam:ListRoles',
    resource: 'arn:aws:iam::123456789012:role/',
    row: { roleName: 'Deployer', roleId: 'AROADEPLOY', arn: 'arn:aws:iam::123456789012:role/Deployer', path: '/', createDate: '2026-01-01T00:00:00Z', maxSessionDuration: 3600 },
    rowName: 'Deployer',
    create: 'Create role',
    select: 'Select Deployer',
    deleteRoute: 'DELETE /roles/Deployer',
  },
  {
    title: 'Policies',
    page: <PoliciesTable />,
    route: 'GET /policies?scope=All',
    many: 'policies',
    action: 'iam:ListPolicies',
    resource: 'arn:aws:iam::123456789012:policy/',
    row: {
      policyName: 'ReadS3', policyId: 'ANPA1', arn: 'arn:aws:iam::123456789012:policy/ReadS3', path: '/', defaultVersionId: 'v1', attachmentCount: 0,
      permissionsBoundaryUsageCount: 0, isAttachable: true, createDate: '2026-01-01T00:00:00Z', updateDate: '2026-01-01T00:00:00Z', awsManaged: false,
    },
    rowName: 'ReadS3',
    create: 'Create policy',
    select: 'Select arn:aws:iam::123456789012:policy/ReadS3',
    deleteRoute: 'DELETE /policies/arn%3Aaws%3Aiam%3A%3A123456789012%3Apolicy%2FReadS3',
  },
  {
    title: 'User groups',
    page: <GroupsTable />,
    route: 'GET /groups',
    many: 'user groups',
    action: 'iam:ListGroups',
    resource: 'arn:aws:iam::123456789012:group/',
    row: { groupName: 'Admins', groupId: 'AGPA1', arn: 'arn:aws:iam::123456789012:group/Admins', path: '/', createDate: '2026-01-01T00:00:00Z', memberCount: 1 },
    rowName: 'Admins',
    create: 'Create group',
    select: 'Select Admins',
    deleteRoute: 'DELETE /groups/Admins',
  },
];

describe.each(lists)('$title list states', (list) => {
  afterEach(resetPage);

  it('shows a loading state while the list is read', async () => {
    stubBff({ [list.route]: 'pending' });
    renderPage(list.page);
    expect(await screen.findByText(`Loading ${list.many}`)).toBeTruthy();
  });

  it('says there is nothing yet when the list is empty', async () => {
    stubBff({ [list.route]: ok({ items: [] }) });
    renderPage(list.page);
    expect(await screen.findByText(`No ${list.many}`)).toBeTruthy();
    expect(screen.getByText('(0)')).toBeTruthy();
    // The header's primary action and the empty state's both lead to the create page.
    const creates = screen.getAllByRole('link', { name: list.create });
    expect(creates).toHaveLength(2);
    expect(creates.every((link) => link.getAttribute('href')?.endsWith('/create'))).toBe(true);
  });

  it('shows a failure with its AWS code and request id, and a retry', async () => {
    stubBff({ [list.route]: failure(500, 'ServiceFailure', 'The request processing has failed because of an unknown error.', 'req-500') });
    renderPage(list.page);
    expect(await screen.findByText('The request processing has failed because of an unknown error.')).toBeTruthy();
    expect(screen.getByText(`Could not load ${list.many}`)).toBeTruthy();
    expect(screen.getByText('Error code: ServiceFailure · Request ID: req-500')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it(`names the missing permission (${list.action}) when IAM refuses the list`, async () => {
    stubBff({ [list.route]: accessDenied(list.action, list.resource, 'req-403') });
    renderPage(list.page);
    expect(await screen.findByText('You do not have permission for this')).toBeTruthy();
    expect(screen.getByText(new RegExp(`^You lack ${list.action} on `))).toBeTruthy();
    expect(screen.getByText('Error code: AccessDenied · Request ID: req-403')).toBeTruthy();
    expect(screen.queryByText(`No ${list.many}`)).toBeNull();
  });

  it('lists what the BFF returned', async () => {
    // The roles list looks up each visible role's last activity.
    stubBff({ [list.route]: ok({ items: [list.row] }), 'GET /roles/Deployer': ok({ role: { ...list.row, assumeRolePolicyDocument: '{}', tags: [] }, attachedPolicies: [], inlinePolicies: [], switchRoleUrl: switchRoleUrl('Deployer'), unavailable: [] }) });
    renderPage(list.page);
    expect(await screen.findByRole('link', { name: list.rowName })).toBeTruthy();
    expect(screen.getByText('(1)')).toBeTruthy();
  });

  it('deletes the selected row through its confirmation dialog, then forgets the selection', async () => {
    const sent = stubBff({
      [list.route]: ok({ items: [list.row] }),
      'GET /roles/Deployer': ok({ role: { ...list.row, assumeRolePolicyDocument: '{}', tags: [] }, attachedPolicies: [], inlinePolicies: [], switchRoleUrl: switchRoleUrl('Deployer'), unavailable: [] }),
      'GET /users/alice': ok({ user: { ...list.row, tags: [] }, groups: [], attachedPolicies: [], inlinePolicies: [], groupPolicies: [], accessKeys: [], mfaDevices: [], loginProfile: null, unavailable: [] }),
      'GET /session': ok(signedInSession()),
      [list.deleteRoute]: { status: 204 },
    });
    renderPage(list.page);
    await screen.findByRole('link', { name: list.rowName });
    const deleteButton = () => screen.getByRole('button', { name: 'Delete' }) as HTMLButtonElement;
    expect(deleteButton().disabled).toBe(true);
    const selector = screen.getAllByLabelText(list.select).find((element) => element.tagName === 'INPUT');
    if (!selector) throw new Error(`no ${list.select}`);
    fireEvent.click(selector);
    expect(deleteButton().disabled).toBe(false);
    fireEvent.click(deleteButton());
    const dialog = await screen.findByRole('dialog', { name: `Delete ${list.rowName}?` });
    fireEvent.change(within(dialog).getByLabelText('Confirm by typing the name'), { target: { value: list.rowName } });
    fireEvent.click(within(dialog).getByTestId('confirm-delete'));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: `Delete ${list.rowName}?` })).toBeNull());
    expect(sent.filter((request) => request.method === 'DELETE').map((request) => `DELETE ${request.path}`)).toEqual([list.deleteRoute]);
    expect(deleteButton().disabled).toBe(true);
  });
});

describe('links from a list', () => {
  afterEach(resetPage);

  it('escape names that URLs would resolve or that are a page of their own (.., create)', async () => {
    const user = (userName: string) => ({ userName, userId: `AIDA${userName}`, arn: `arn:aws:iam::123456789012:user/${userName}`, path: '/', createDate: '2026-01-01T00:00:00Z' });
    stubBff({ 'GET /users': ok({ items: [user('..'), user('create')] }) });
    renderPage(<UsersTable />);
    expect((await screen.findByRole('link', { name: '..' })).getAttribute('href')).toBe('/users/~..');
    expect(screen.getByRole('link', { name: 'create' }).getAttribute('href')).toBe('/users/~create');
  });
});

describe('Policies list deletion', () => {
  afterEach(resetPage);

  it('keeps Delete disabled, with the reason, for an AWS managed policy', async () => {
    const policy = {
      policyName: 'ReadOnlyAccess', policyId: 'ANPA2', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', path: '/', defaultVersionId: 'v1', attachmentCount: 0,
      permissionsBoundaryUsageCount: 0, isAttachable: true, createDate: '2026-01-01T00:00:00Z', updateDate: '2026-01-01T00:00:00Z', awsManaged: true,
    };
    stubBff({ 'GET /policies?scope=All': ok({ items: [policy] }) });
    renderPage(<PoliciesTable />);
    await screen.findByRole('link', { name: 'ReadOnlyAccess' });
    const selector = screen.getAllByLabelText(`Select ${policy.arn}`).find((element) => element.tagName === 'INPUT');
    if (!selector) throw new Error('no selector');
    fireEvent.click(selector);
    const deleteButton = screen.getByRole('button', { name: 'Delete' });
    expect(deleteButton.getAttribute('aria-disabled') === 'true' || (deleteButton as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('AWS managed policies cannot be deleted.', { exact: false })).toBeTruthy();
  });
});
