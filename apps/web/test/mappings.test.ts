import { describe, expect, it } from 'vitest';
import { activeHrefFor } from '../src/app/layout/navigation.tsx';
import { safeNextPath } from '../src/app/routes/sign-in.tsx';
import { isAwsManagedArn, toPolicySelectOptions } from '../src/components/permissions/policy-options.ts';
import { toPolicyRow, toPolicyRows } from '../src/features/policies/components/policies-table-config.tsx';
import type { UserDetail } from '../src/features/users/api/users.ts';
import { userDependencies } from '../src/features/users/components/delete-users-modal.tsx';
import { userPermissionRows } from '../src/features/users/components/user-detail.tsx';
import { userDetail } from './support/fixtures.ts';

const detail = (changes: Partial<UserDetail> = {}): UserDetail => userDetail('carol', changes);

describe('what deleting a user removes', () => {
  it('lists each kind of dependency with its count', () => {
    const items = userDependencies(
      detail({
        accessKeys: [
          { accessKeyId: 'AKIA1', status: 'Active', createDate: '2026-01-01T00:00:00Z', lastUsed: { service: 'N/A', region: 'N/A' } },
          { accessKeyId: 'AKIA2', status: 'Inactive', createDate: '2026-01-01T00:00:00Z', lastUsed: { service: 'N/A', region: 'N/A' } },
        ],
        mfaDevices: [{ serialNumber: 'arn:aws:iam::123456789012:mfa/carol', enableDate: '2026-01-01T00:00:00Z' }],
        loginProfile: { createDate: '2026-01-01T00:00:00Z', passwordResetRequired: false },
        attachedPolicies: [{ policyName: 'ReadOnlyAccess', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
        inlinePolicies: [{ policyName: 'a', document: '{}' }, { policyName: 'b', document: '{}' }],
        groups: [{ groupName: 'Admins', arn: '' }, { groupName: 'Ops', arn: '' }],
      }),
    );
    expect(items).toEqual([
      '2 access keys',
      '1 MFA device',
      'Console password (login profile)',
      '1 attached managed policy',
      '2 inline policies',
      '2 group memberships (Admins, Ops)',
    ]);
  });

  it('is empty for a user with nothing attached', () => {
    expect(userDependencies(detail())).toEqual([]);
  });
});

describe('user permission rows', () => {
  it('merges direct and group policies, and only direct ones can be removed here', () => {
    const rows = userPermissionRows(
      detail({
        attachedPolicies: [{ policyName: 'Mine', policyArn: 'arn:aws:iam::123456789012:policy/Mine' }],
        inlinePolicies: [{ policyName: 'inline1', document: '{"Version":"2012-10-17"}' }],
        groupPolicies: [{ groupName: 'Admins', attached: [{ policyName: 'AdministratorAccess', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }], inline: [] }],
      }),
    );
    expect(rows.map((row) => [row.policyName, row.type, row.attachedVia, row.removable])).toEqual([
      ['Mine', 'Customer managed', 'Directly', true],
      ['inline1', 'Customer inline', 'Directly', true],
      ['AdministratorAccess', 'AWS managed', 'Group Admins', false],
    ]);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
  });
});

describe('policies', () => {
  it('describes how a policy is used', () => {
    const base = { policyName: 'P', policyId: 'ANPA', arn: 'arn:aws:iam::aws:policy/P', path: '/', defaultVersionId: 'v1', isAttachable: true, createDate: '', updateDate: '', awsManaged: true };
    expect(toPolicyRow({ ...base, attachmentCount: 0, permissionsBoundaryUsageCount: 0 })).toMatchObject({ type: 'AWS managed', usedAs: 'None' });
    expect(toPolicyRow({ ...base, awsManaged: false, attachmentCount: 3, permissionsBoundaryUsageCount: 1 })).toMatchObject({
      type: 'Customer managed',
      usedAs: 'Permissions policy (3), Permissions boundary (1)',
    });
  });

  it('narrows the list by type', () => {
    const base = { policyId: 'ANPA', path: '/', defaultVersionId: 'v1', isAttachable: true, createDate: '', updateDate: '', attachmentCount: 0, permissionsBoundaryUsageCount: 0 };
    const list = [
      { ...base, policyName: 'Mine', arn: 'arn:aws:iam::123456789012:policy/Mine', awsManaged: false },
      { ...base, policyName: 'ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', awsManaged: true },
    ];
    expect(toPolicyRows(list).map((row) => row.policyName)).toEqual(['Mine', 'ReadOnlyAccess']);
    expect(toPolicyRows(list, 'customer').map((row) => row.policyName)).toEqual(['Mine']);
    expect(toPolicyRows(list, 'aws').map((row) => row.policyName)).toEqual(['ReadOnlyAccess']);
  });

  it('offers customer managed policies first, sorted, without those already attached', () => {
    const groups = toPolicySelectOptions(
      [
        { arn: 'arn:aws:iam::aws:policy/ZetaAccess', policyName: 'ZetaAccess', awsManaged: true },
        { arn: 'arn:aws:iam::123456789012:policy/beta', policyName: 'beta', awsManaged: false },
        { arn: 'arn:aws:iam::123456789012:policy/alpha', policyName: 'alpha', awsManaged: false },
        { arn: 'arn:aws:iam::aws:policy/AlphaAccess', policyName: 'AlphaAccess', awsManaged: true },
      ],
      new Set(['arn:aws:iam::aws:policy/AlphaAccess']),
    );
    expect(groups.map((group) => [group.label, group.options.map((option) => option.label)])).toEqual([
      ['Customer managed', ['alpha', 'beta']],
      ['AWS managed', ['ZetaAccess']],
    ]);
    expect(isAwsManagedArn('arn:aws:iam::aws:policy/job-function/ViewOnlyAccess')).toBe(true);
    expect(isAwsManagedArn('arn:aws:iam::123456789012:policy/aws')).toBe(false);
  });
});

describe('navigation', () => {
  it('highlights the section of a nested page', () => {
    expect(activeHrefFor('/')).toBe('/');
    expect(activeHrefFor('/users/alice')).toBe('/users');
    expect(activeHrefFor('/policies/arn%3Aaws')).toBe('/policies');
  });

  it('only follows a next path inside the console after sign-in', () => {
    expect(safeNextPath('/users/alice?tab=groups')).toBe('/users/alice?tab=groups');
    expect(safeNextPath(null)).toBe('/');
    expect(safeNextPath('https://evil.example/')).toBe('/');
    expect(safeNextPath('//evil.example/')).toBe('/');
    expect(safeNextPath('/signin?next=/x')).toBe('/');
  });

  it('refuses next paths a browser reads as another host: a backslash, a tab or other control character', () => {
    expect(safeNextPath('/users/alice')).toBe('/users/alice');
    // The URL parser reads `\` as `/` and drops tabs and newlines: `/\evil.example` and `/<TAB>/evil.example` are //evil.example.
    for (const next of ['/\\evil.example', '\\/evil.example', '/\t/evil.example', '/\n/evil.example', '/users\\x', '/users/\u0000x']) {
      expect(safeNextPath(next), JSON.stringify(next)).toBe('/');
    }
  });
});
