import { describe, expect, it } from 'vitest';
import {
  awsSwitchRoleUrl, consoleSwitchRoleUrl, readSwitchRoleQuery, roleNameWithPath, splitRoleNameWithPath, switchRoleColorOf,
} from '../src/switch-role-links.ts';
import { switchRoleRequest } from '../src/switch-role.ts';

describe('switch-role links', () => {
  const target = { account: 'acme-demo', roleName: 'division_abc/roleToDoX', displayName: 'To do X', color: 'b7ca9d' };

  it('builds the AWS console link and this console’s with the same query', () => {
    const query = 'account=acme-demo&roleName=division_abc%2FroleToDoX&displayName=To+do+X&color=b7ca9d';
    expect(awsSwitchRoleUrl(target)).toBe(`https://signin.aws.amazon.com/switchrole?${query}`);
    expect(consoleSwitchRoleUrl('https://iam.example.com', target)).toBe(`https://iam.example.com/switchrole?${query}`);
    expect(awsSwitchRoleUrl({ account: '123456789012', roleName: 'Admin' })).toBe('https://signin.aws.amazon.com/switchrole?account=123456789012&roleName=Admin');
  });

  it('reads back what a link carries, the colour only when it is one of the five', () => {
    expect(readSwitchRoleQuery(new URL(awsSwitchRoleUrl(target)).search)).toEqual(target);
    expect(readSwitchRoleQuery('?account=123456789012&roleName=/Admin&color=F2B0A9')).toEqual({ account: '123456789012', roleName: 'Admin', color: 'f2b0a9' });
    expect(readSwitchRoleQuery('?account=1&color=ff00ff&displayName=').color).toBeUndefined();
    expect(switchRoleColorOf('Blue')).toBe('83d4e8');
    expect(switchRoleColorOf('#EFDA95')).toBe('efda95');
    expect(switchRoleColorOf('purple')).toBeUndefined();
  });

  it('writes a role with its path as the Role field wants it', () => {
    expect(roleNameWithPath('/', 'Admin')).toBe('Admin');
    expect(roleNameWithPath('/division_abc/subdivision_efg/', 'roleToDoX')).toBe('division_abc/subdivision_efg/roleToDoX');
  });

  it('reads a role with its path back into path and name', () => {
    expect(splitRoleNameWithPath('Admin')).toEqual({ path: '/', name: 'Admin' });
    expect(splitRoleNameWithPath('division_abc/subdivision_efg/roleToDoX')).toEqual({ path: '/division_abc/subdivision_efg/', name: 'roleToDoX' });
    expect(splitRoleNameWithPath('/division_abc/roleToDoX')).toEqual({ path: '/division_abc/', name: 'roleToDoX' });
    expect(splitRoleNameWithPath('division_abc/')).toEqual({ path: '/division_abc/', name: '' });
  });
});

describe('switch-role request', () => {
  const ok = { account: '123456789012', roleName: 'Admin' };
  const problem = (body: object) => switchRoleRequest.safeParse(body).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

  it('takes an account ID or alias, a role with its path, and empty optional fields as absent', () => {
    expect(switchRoleRequest.parse({ ...ok, account: 'acme-demo', roleName: '/ops/Admin', displayName: '', externalId: '', mfaCode: '' })).toEqual({ account: 'acme-demo', roleName: 'ops/Admin' });
  });

  it('refuses what STS or the console would, each with its reason', () => {
    expect(problem({ ...ok, account: 'Acme Demo' })).toEqual(['account: An account is its 12-digit ID or its alias (3–63 lower-case letters, digits and hyphens)']);
    expect(problem({ ...ok, roleName: 'bad name' })?.[0]).toMatch(/^roleName: The role is its name/);
    expect(problem({ ...ok, durationSeconds: 600 })).toEqual(['durationSeconds: A role session lasts at least 15 minutes (900 seconds)']);
    expect(problem({ ...ok, durationSeconds: 43_201 })).toEqual(['durationSeconds: A role session lasts at most 12 hours (43200 seconds)']);
    expect(problem({ ...ok, externalId: 'a b' })).toEqual(['externalId: An external ID can contain only a-z A-Z 0-9 and _+=,.@:/-']);
    expect(problem({ ...ok, mfaCode: '12345' })).toEqual(['mfaCode: An MFA code is 6 digits']);
    expect(problem({ ...ok, color: 'ff00ff' })?.[0]).toMatch(/^color: /);
    expect(problem({ ...ok, displayName: 'x'.repeat(65) })).toEqual(['displayName: A display name has up to 64 characters']);
  });
});
