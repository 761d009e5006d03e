// @vitest-environment jsdom
// Controls whose IAM action the signed-in principal is denied (GET /api/session/capabilities) are left out; while
// IAM would not say (unknown), or the answer failed, every control stays.
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { capabilities as capabilitiesSchema, CONSOLE_ACTIONS } from '@iam-console/api-contract/capabilities.ts';
import type { Capabilities, Capability, ConsoleAction } from '@iam-console/api-contract/capabilities.ts';
import type { PolicyDetail } from '@iam-console/api-contract/policies.ts';
import { PolicyVersionsTable } from '../src/features/policies/components/policy-versions-table.tsx';
import { UserDetail } from '../src/features/users/components/user-detail.tsx';
import { UsersTable } from '../src/features/users/components/users-table.tsx';
import { failure, ok, renderPage, resetPage, stubBff, type Answer } from './support/fake-bff.tsx';
import { userDetail } from './support/fixtures.ts';

/** Every action `otherwise`, those in `denied` denied. */
const answer = (basis: Capabilities['basis'], otherwise: Capability, denied: ConsoleAction[] = []): Answer =>
  ok(capabilitiesSchema.parse({ basis, actions: Object.fromEntries(CONSOLE_ACTIONS.map((a) => [a, denied.includes(a) ? 'denied' : otherwise])) }));

const alice = { userName: 'alice', userId: 'AIDAALICE', arn: 'arn:aws:iam::123456789012:user/alice', path: '/', createDate: '2026-01-01T00:00:00Z' };
const none = { items: [], loading: false, error: null };

/** Renders the Users list and waits until the capabilities were asked and the list is shown. */
async function usersList(capabilities: Answer) {
  const sent = stubBff({ 'GET /users': ok({ items: [alice] }), 'GET /session/capabilities': capabilities });
  renderPage(<UsersTable />);
  await screen.findByRole('link', { name: 'alice' });
  await waitFor(() => expect(sent.some((r) => r.path === '/session/capabilities')).toBe(true));
}

describe('the Users list', () => {
  afterEach(resetPage);

  it('leaves out Create user, Delete and the row selection when IAM denies CreateUser and DeleteUser (the auditor)', async () => {
    await usersList(answer('simulator', 'allowed', ['iam:CreateUser', 'iam:DeleteUser']));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Create user' })).toBeNull());
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(screen.queryAllByLabelText('Select alice')).toHaveLength(0);
  });

  it('keeps Delete when only CreateUser is denied', async () => {
    await usersList(answer('simulator', 'allowed', ['iam:CreateUser']));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Create user' })).toBeNull());
    expect(screen.getByRole('button', { name: 'Delete' })).toBeTruthy();
  });

  it('shows every control when IAM would not say (unknown)', async () => {
    await usersList(answer('unknown', 'unknown'));
    // Settled: the capabilities answer has been read by now (the list waited for it, and both answer at once).
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.getByRole('link', { name: 'Create user' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete' })).toBeTruthy();
  });

  it('shows every control when the capabilities cannot be read', async () => {
    await usersList(failure(500, 'ServiceFailure', 'The request processing has failed because of an unknown error.'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.getByRole('link', { name: 'Create user' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete' })).toBeTruthy();
  });
});

describe('a user’s page', () => {
  afterEach(resetPage);

  async function alicePage(capabilities: Answer) {
    stubBff({ 'GET /users/alice': ok(userDetail('alice')), 'GET /session/capabilities': capabilities });
    renderPage(<UserDetail userName="alice" policies={none} groups={none} passwordPolicy={null} />, '/users/alice');
    await screen.findByText('Permissions policies');
  }

  it('leaves out Delete, Add permissions, Create inline policy, Remove and the boundary controls IAM denies', async () => {
    await alicePage(answer('simulator', 'denied'));
    await waitFor(() => expect(screen.queryByTestId('delete-user')).toBeNull());
    for (const name of ['Add permissions', 'Create inline policy', 'Remove', 'Set boundary']) expect(screen.queryByRole('button', { name }), name).toBeNull();
  });

  it('shows them to a caller IAM allows (the admin)', async () => {
    await alicePage(answer('simulator', 'allowed'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.getByTestId('delete-user')).toBeTruthy();
    for (const name of ['Add permissions', 'Create inline policy', 'Remove', 'Set boundary']) expect(screen.getByRole('button', { name }), name).toBeTruthy();
  });
});

describe('a customer managed policy’s versions', () => {
  afterEach(resetPage);

  const arn = 'arn:aws:iam::123456789012:policy/Dev';
  const detail: PolicyDetail = {
    policy: { policyName: 'Dev', policyId: 'ANPADEV', arn, path: '/', defaultVersionId: 'v2', attachmentCount: 0, permissionsBoundaryUsageCount: 0, isAttachable: true, createDate: '2026-01-01T00:00:00Z', updateDate: '2026-01-02T00:00:00Z', awsManaged: false },
    document: '{"Version":"2012-10-17","Statement":[]}',
    versions: [
      { versionId: 'v2', isDefaultVersion: true, createDate: '2026-01-02T00:00:00Z' },
      { versionId: 'v1', isDefaultVersion: false, createDate: '2026-01-01T00:00:00Z' },
    ],
    entities: { users: [], groups: [], roles: [] },
  };

  async function versions(capabilities: Answer) {
    const sent = stubBff({ 'GET /session/capabilities': capabilities });
    renderPage(<PolicyVersionsTable detail={detail} />, `/policies/${encodeURIComponent(arn)}`);
    await screen.findByRole('button', { name: 'Compare' });
    await waitFor(() => expect(sent.some((r) => r.path === '/session/capabilities')).toBe(true));
  }

  it('leaves out Set as default when IAM denies SetDefaultPolicyVersion; Compare stays', async () => {
    await versions(answer('simulator', 'allowed', ['iam:SetDefaultPolicyVersion']));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Set as default' })).toBeNull());
    expect(screen.getByRole('button', { name: 'Compare' })).toBeTruthy();
  });

  it('keeps it while the permission may be scoped to some policies (unknown)', async () => {
    await versions(answer('simulator', 'unknown'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.getByRole('button', { name: 'Set as default' })).toBeTruthy();
  });
});
