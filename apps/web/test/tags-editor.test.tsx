// @vitest-environment jsdom
// The tag editor on user and role detail pages follows IAM's tag rule: the tags IAM accepts can be saved, and
// what IAM refuses is named with IAM's reason and cannot be saved.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RoleDetail } from '../src/features/roles/components/role-detail.tsx';
import { UserDetail } from '../src/features/users/components/user-detail.tsx';
import { ok, renderPage, resetPage, stubBff, type SentRequest } from './support/fake-bff.tsx';
import { signedInSession, switchRoleUrl, userDetail } from './support/fixtures.ts';

const none = { items: [], loading: false, error: null };
const session = { 'GET /session': ok(signedInSession()) };

function openUserTags(): SentRequest[] {
  const sent = stubBff({ ...session, 'GET /users/zoe': ok(userDetail('zoe')), 'PUT /users/zoe/tags': ok({ items: [] }) });
  renderPage(<UserDetail userName="zoe" policies={none} groups={none} passwordPolicy={null} />, '/users/zoe?tab=tags');
  return sent;
}

async function manageTags() {
  fireEvent.click(await screen.findByRole('button', { name: 'Manage tags' }));
}

/** Adds a row and types into it, as a person does (a click moves the focus to the button first). */
function addTag(key: string, value = '') {
  const add = screen.getByRole('button', { name: 'Add new tag' });
  add.focus();
  fireEvent.click(add);
  const keys = screen.getAllByPlaceholderText('Enter key');
  fireEvent.change(keys[keys.length - 1]!, { target: { value: key } });
  const values = screen.getAllByPlaceholderText('Enter value');
  fireEvent.change(values[values.length - 1]!, { target: { value } });
}

const saveButton = () => screen.getByRole('button', { name: 'Save changes' }) as HTMLButtonElement;

describe('tag editor on detail pages', () => {
  afterEach(resetPage);

  it('saves the tags IAM accepts on a user: cost-center, team (empty value) and Owner:é', async () => {
    const sent = openUserTags();
    await manageTags();
    addTag('cost-center', '1234');
    addTag('team');
    addTag('Owner:é', 'zoë');
    expect(saveButton().disabled).toBe(false);
    expect(screen.queryByText(/can contain only|Invalid key/)).toBeNull();
    fireEvent.click(saveButton());
    await waitFor(() => expect(sent.some((request) => request.method === 'PUT')).toBe(true));
    expect(sent.find((request) => request.method === 'PUT')).toEqual({
      method: 'PUT',
      path: '/users/zoe/tags',
      body: { tags: [{ key: 'cost-center', value: '1234' }, { key: 'team', value: '' }, { key: 'Owner:é', value: 'zoë' }] },
    });
  });

  it.each([
    ['a key beginning with aws:', 'aws:x', '', 'Tag key aws:x: A tag key cannot begin with aws: (reserved for AWS use).'],
    ['a key with #', 'cost#center', '', 'Tag key cost#center: A tag key can contain only letters, numbers, spaces and _ . : / = + - @'],
    ['a 129-character key', 'k'.repeat(129), '', `Tag key ${'k'.repeat(129)}: A tag key can have up to 128 characters.`],
    ['a 257-character value', 'team', 'v'.repeat(257), 'Tag team: A tag value can have up to 256 characters.'],
    ['a value beginning with aws:', 'team', 'aws:ops', 'Tag team: A tag value cannot begin with aws: (reserved for AWS use).'],
  ])('refuses %s with IAM\'s reason', async (_what, key, value, reason) => {
    openUserTags();
    await manageTags();
    addTag(key, value);
    expect(await screen.findByText(reason)).toBeTruthy();
    expect(saveButton().disabled).toBe(true);
  });

  it('refuses two keys differing only in case on a user (IAM keeps one of them)', async () => {
    openUserTags();
    await manageTags();
    addTag('Department', 'finance');
    addTag('department', 'hr');
    expect(await screen.findByText('Tag keys Department and department: Each tag key can be used only once. Tag keys of IAM users ignore case.')).toBeTruthy();
    expect(saveButton().disabled).toBe(true);
  });

  it('accepts the same tags on a role', async () => {
    const role = {
      roleName: 'Deployer', roleId: 'AROA1', arn: 'arn:aws:iam::123456789012:role/Deployer', path: '/', createDate: '2026-01-01T00:00:00Z',
      maxSessionDuration: 3600, assumeRolePolicyDocument: '{}', tags: [{ key: 'team', value: 'ops' }],
    };
    stubBff({ ...session, 'GET /roles/Deployer': ok({ role, attachedPolicies: [], inlinePolicies: [], switchRoleUrl: switchRoleUrl('Deployer'), unavailable: [] }) });
    renderPage(<RoleDetail roleName="Deployer" policies={none} />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Tags (1)' }));
    await manageTags();
    addTag('cost-center', '1234');
    addTag('Owner:é');
    expect(saveButton().disabled).toBe(false);
    addTag('TEAM', 'dev');
    expect(await screen.findByText(/Tag keys team and TEAM: .* Tag keys of IAM roles ignore case\./)).toBeTruthy();
    expect(saveButton().disabled).toBe(true);
  });
});
