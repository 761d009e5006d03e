// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { UserDetail as UserDetailData } from '../src/features/users/api/users.ts';
import { UserDetail } from '../src/features/users/components/user-detail.tsx';
import { accessDenied, failure, ok, renderPage, resetPage, stubBff } from './support/fake-bff.tsx';
import { signedInSession, userDetail } from './support/fixtures.ts';

const refused = (section: string, action: string) => ({
  section,
  code: 'AccessDenied',
  message: `User: arn:aws:iam::123456789012:user/bob is not authorized to perform: ${action} on resource: user bob because no identity-based policy allows the ${action} action`,
});

/** bob reading his own page under Force_MFA: GetUser works, every other section is refused. */
const bobDetail: UserDetailData = userDetail('bob', {
  unavailable: [
    refused('groups', 'iam:ListGroupsForUser'),
    refused('attachedPolicies', 'iam:ListAttachedUserPolicies'),
    refused('inlinePolicies', 'iam:ListUserPolicies'),
    refused('accessKeys', 'iam:ListAccessKeys'),
    refused('mfaDevices', 'iam:ListMFADevices'),
    refused('loginProfile', 'iam:GetLoginProfile'),
  ],
});

const none = { items: [], loading: false, error: null };

function renderBob(tab?: string) {
  return renderPage(<UserDetail userName="bob" policies={none} groups={none} passwordPolicy={null} />, `/users/bob${tab ? `?tab=${tab}` : ''}`);
}

describe('user detail page states', () => {
  afterEach(resetPage);

  it('shows a loading state while the user is read', async () => {
    stubBff({ 'GET /users/bob': 'pending' });
    renderBob();
    expect(await screen.findByText('Loading bob')).toBeTruthy();
  });

  it('shows why the user could not be read, with the AWS code and request id, and offers a retry', async () => {
    stubBff({ 'GET /users/bob': failure(404, 'NoSuchEntity', 'The user with name bob cannot be found.', 'req-404') });
    renderBob();
    expect(await screen.findByText('The user with name bob cannot be found.')).toBeTruthy();
    expect(screen.getByText('Could not load user bob')).toBeTruthy();
    expect(screen.getByText('Error code: NoSuchEntity · Request ID: req-404')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('names the missing permission when GetUser itself is refused', async () => {
    stubBff({ 'GET /users/bob': accessDenied('iam:GetUser', 'arn:aws:iam::123456789012:user/bob', 'req-403') });
    renderBob();
    expect(await screen.findByText('You do not have permission for this')).toBeTruthy();
    expect(screen.getByText(/You lack iam:GetUser on arn:aws:iam::123456789012:user\/bob/)).toBeTruthy();
    expect(screen.getByText('Error code: AccessDenied · Request ID: req-403')).toBeTruthy();
  });

  it('says "unknown" instead of stating facts about sections IAM refused', async () => {
    stubBff({ 'GET /users/bob': ok(bobDetail) });
    renderBob();
    expect(await screen.findByText('Some details are hidden because you lack permission')).toBeTruthy();
    expect(screen.getByText('Unknown — you lack iam:GetLoginProfile')).toBeTruthy();
    // "Access keys" and "Active access keys" both depend on ListAccessKeys.
    expect(screen.getAllByText('Unknown — you lack iam:ListAccessKeys')).toHaveLength(2);
    expect(screen.queryByText('Disabled')).toBeNull();
    expect(screen.queryByText('None')).toBeNull();
    expect(screen.getByRole('tab', { name: 'Groups' })).toBeTruthy();
    expect(screen.queryByRole('tab', { name: 'Groups (0)' })).toBeNull();
    // Permissions tab: unknown sources named instead of "bob has no policies".
    expect(screen.queryByText('bob has no policies.')).toBeNull();
    expect(screen.getByText('Unknown — you lack iam:ListAttachedUserPolicies')).toBeTruthy();
    expect(screen.getByText('Unknown — you lack iam:ListUserPolicies')).toBeTruthy();
    // Policies from groups are unknown because the groups are.
    expect(screen.getByText('Unknown — you lack iam:ListGroupsForUser')).toBeTruthy();
  });

  it('keeps the security credentials tab from claiming there are no keys, devices or password', async () => {
    stubBff({ 'GET /users/bob': ok(bobDetail) });
    renderBob('security-credentials');
    await screen.findByText('Console sign-in');
    const panel = screen.getAllByRole('tabpanel').find((candidate) => within(candidate).queryByText('Console sign-in'));
    if (!panel) throw new Error('no security credentials panel');
    expect(within(panel).getAllByText('Unknown — you lack iam:GetLoginProfile').length).toBeGreaterThan(0);
    expect(within(panel).getByText('Unknown — you lack iam:ListMFADevices')).toBeTruthy();
    expect(within(panel).getByText('Unknown — you lack iam:ListAccessKeys')).toBeTruthy();
    expect(within(panel).queryByText('No access keys.')).toBeNull();
    expect(within(panel).queryByText(/No MFA devices/)).toBeNull();
    expect(within(panel).queryByText('Disabled')).toBeNull();
    expect(within(panel).queryByRole('button', { name: 'Enable console access' })).toBeNull();
  });

  it('lists keys whose last use IAM refused (Force_MFA grants no iam:GetAccessKeyLastUsed) with that use as unknown', async () => {
    const detail = userDetail('bob', {
      accessKeys: [{ accessKeyId: 'AKIABOBEXAMPLE000001', status: 'Active', createDate: new Date().toISOString() }],
      unavailable: [refused('accessKeyLastUsed', 'iam:GetAccessKeyLastUsed')],
    });
    stubBff({ 'GET /users/bob': ok(detail) });
    renderBob('security-credentials');
    const key = await screen.findByText('AKIABOBEXAMPLE000001');
    const row = key.closest('tr');
    if (!row) throw new Error('no access key row');
    // One notice names the permission; the three cells say only "Unknown", so the row keeps its key id and Actions in view.
    expect(screen.getByText('Last use of the access keys is unknown')).toBeTruthy();
    expect(screen.getByText('You lack iam:GetAccessKeyLastUsed, so Last used, Last used service and Last used Region show Unknown.')).toBeTruthy();
    expect(within(row).getAllByText('Unknown')).toHaveLength(3);
    expect(within(row).queryByText(/you lack/)).toBeNull();
    expect(within(row).getByRole('button', { name: 'Actions for AKIABOBEXAMPLE000001' })).toBeTruthy();
  });

  it('shows no last-use notice when IAM told the last use', async () => {
    const detail = userDetail('bob', {
      accessKeys: [{ accessKeyId: 'AKIABOBEXAMPLE000001', status: 'Active', createDate: new Date().toISOString(), lastUsed: { date: new Date().toISOString(), service: 'iam', region: 'us-east-1' } }],
    });
    stubBff({ 'GET /users/bob': ok(detail) });
    renderBob('security-credentials');
    await screen.findByText('AKIABOBEXAMPLE000001');
    expect(screen.getByText('us-east-1')).toBeTruthy();
    expect(screen.queryByText('Last use of the access keys is unknown')).toBeNull();
  });

  it('sets a console password when IAM refused to say whether there is one, and names what was refused', async () => {
    const sent = stubBff({
      'GET /users/bob': ok(bobDetail),
      'GET /session': ok(signedInSession()),
      'PUT /users/bob/login-profile': accessDenied('iam:GetLoginProfile', 'arn:aws:iam::123456789012:user/bob', 'req-pw'),
    });
    renderBob('security-credentials');
    fireEvent.click(await screen.findByRole('button', { name: 'Set console password' }));
    const dialog = await screen.findByRole('dialog', { name: 'Set console password' });
    expect(within(dialog).queryByText('Enable console access')).toBeNull();
    expect(within(dialog).queryByText(/create the user/)).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Set password' }));
    expect(await within(dialog).findByText('You do not have permission to set the console password')).toBeTruthy();
    expect(within(dialog).getByText(/^You lack iam:GetLoginProfile on arn:aws:iam::123456789012:user\/bob/)).toBeTruthy();
    expect(within(dialog).getByText('Error code: AccessDenied · Request ID: req-pw')).toBeTruthy();
    expect(sent.some((request) => request.method === 'PUT' && request.path === '/users/bob/login-profile')).toBe(true);
  });

  it('says what it cannot see when asked to delete, instead of "has no access keys"', async () => {
    stubBff({ 'GET /users/bob': ok(bobDetail) });
    renderBob();
    fireEvent.click(await screen.findByTestId('delete-user'));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText(/You may not see whether bob has these/)).toBeTruthy();
    expect(within(dialog).queryByText(/has no access keys/)).toBeNull();
    expect(within(dialog).getByText('Unknown — you lack iam:ListAccessKeys')).toBeTruthy();
    expect(within(dialog).getByText('Unknown — you lack iam:ListGroupsForUser')).toBeTruthy();
  });

  it('marks the policies it shows as incomplete when one source was refused', async () => {
    const detail = userDetail('bob', {
      attachedPolicies: [{ policyName: 'ReadOnlyAccess', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
      unavailable: [refused('inlinePolicies', 'iam:ListUserPolicies')],
    });
    stubBff({ 'GET /users/bob': ok(detail) });
    renderBob();
    expect(await screen.findByText('ReadOnlyAccess')).toBeTruthy();
    expect(screen.getByText('Unknown — you lack iam:ListUserPolicies')).toBeTruthy();
    expect(screen.queryByText('(1)')).toBeNull();
  });

  it('states the facts when every section could be read', async () => {
    stubBff({ 'GET /users/bob': ok({ ...bobDetail, unavailable: [] }) });
    renderBob();
    expect(await screen.findByText('Disabled')).toBeTruthy();
    expect(screen.getByText('None')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Groups (0)' })).toBeTruthy();
    expect(screen.getByText('bob has no policies.')).toBeTruthy();
    expect(screen.queryByText(/^Unknown/)).toBeNull();
  });
});
