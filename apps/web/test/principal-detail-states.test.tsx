// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { GroupDetail } from '../src/features/groups/components/group-detail.tsx';
import { RoleDetail } from '../src/features/roles/components/role-detail.tsx';
import { ok, renderPage, resetPage, stubBff } from './support/fake-bff.tsx';
import { switchRoleUrl } from './support/fixtures.ts';

const none = { items: [], loading: false, error: null };
const refusedPolicies = (kind: 'Role' | 'Group', name: string) => [
  { section: 'attachedPolicies', code: 'AccessDenied', message: `User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:ListAttached${kind}Policies on resource: ${name}` },
  { section: 'inlinePolicies', code: 'AccessDenied', message: `User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:List${kind}Policies on resource: ${name}` },
];

describe('role and group detail with refused policy lists', () => {
  afterEach(resetPage);

  it('role: names what is unknown instead of "has no policies"', async () => {
    const role = {
      roleName: 'Deployer', roleId: 'AROA1', arn: 'arn:aws:iam::123456789012:role/Deployer', path: '/', createDate: '2026-01-01T00:00:00Z',
      maxSessionDuration: 3600, assumeRolePolicyDocument: '{}', tags: [],
    };
    stubBff({ 'GET /roles/Deployer': ok({ role, attachedPolicies: [], inlinePolicies: [], switchRoleUrl: switchRoleUrl('Deployer'), unavailable: refusedPolicies('Role', 'role Deployer') }) });
    renderPage(<RoleDetail roleName="Deployer" policies={none} />);
    expect(await screen.findByText('Unknown — you lack iam:ListAttachedRolePolicies')).toBeTruthy();
    expect(screen.getByText('Unknown — you lack iam:ListRolePolicies')).toBeTruthy();
    expect(screen.queryByText('Deployer has no policies.')).toBeNull();
  });

  it('group: names what is unknown instead of "has no policies"', async () => {
    const group = { groupName: 'Ops', groupId: 'AGPA1', arn: 'arn:aws:iam::123456789012:group/Ops', path: '/', createDate: '2026-01-01T00:00:00Z' };
    stubBff({ 'GET /groups/Ops': ok({ group, users: [], attachedPolicies: [], inlinePolicies: [], unavailable: refusedPolicies('Group', 'group Ops') }) });
    renderPage(<GroupDetail groupName="Ops" users={none} policies={none} />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Permissions' }));
    expect(await screen.findByText('Unknown — you lack iam:ListAttachedGroupPolicies')).toBeTruthy();
    expect(screen.getByText('Unknown — you lack iam:ListGroupPolicies')).toBeTruthy();
    expect(screen.queryByText('Ops has no policies.')).toBeNull();
  });
});
