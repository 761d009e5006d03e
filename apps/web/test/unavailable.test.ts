import { describe, expect, it } from 'vitest';
import type { UserDetail } from '../src/features/users/api/users.ts';
import { unknownDependencies, userDependencies } from '../src/features/users/components/delete-users-modal.tsx';
import { userPermissionUnknowns } from '../src/features/users/components/user-detail.tsx';
import { refusedAction, unknownText } from '../src/lib/unavailable.ts';
import { userDetail } from './support/fixtures.ts';

const denied = (section: string, message: string) => ({ section, code: 'AccessDenied', message });

describe('the action a refusal names', () => {
  it('reads it from AWS wording, from the BFF wording, or takes the action the BFF names', () => {
    expect(refusedAction(denied('accessKeys', 'User: arn:aws:iam::1:user/bob is not authorized to perform: iam:ListAccessKeys on resource: user bob'))).toBe('iam:ListAccessKeys');
    expect(refusedAction(denied('groups', 'You lack iam:ListGroupsForUser on arn:aws:iam::1:user/bob'))).toBe('iam:ListGroupsForUser');
    expect(refusedAction({ ...denied('mfaDevices', 'Access denied'), action: 'iam:ListMFADevices' })).toBe('iam:ListMFADevices');
  });

  it('still says the value is unknown when the message names no action', () => {
    expect(unknownText(denied('loginProfile', 'Access denied'))).toBe('Unknown — you lack permission to read this');
    expect(unknownText(denied('loginProfile', 'is not authorized to perform: iam:GetLoginProfile on resource: x'))).toBe('Unknown — you lack iam:GetLoginProfile');
  });
});

const carol = (changes: Partial<UserDetail>): UserDetail => userDetail('carol', changes);

describe('refused sections of a user', () => {
  it('are left out of what a delete removes and listed as unknown instead', () => {
    const detail = carol({
      loginProfile: { createDate: '2026-01-01T00:00:00Z', passwordResetRequired: false },
      unavailable: [denied('accessKeys', 'x'), denied('groups', 'y')],
    });
    expect(userDependencies(detail)).toEqual(['Console password (login profile)']);
    expect(unknownDependencies(detail).map((section) => section.section)).toEqual(['accessKeys', 'groups']);
  });

  it('make policies from groups unknown when the groups are', () => {
    const groupsRefused = denied('groups', 'is not authorized to perform: iam:ListGroupsForUser on resource: user carol');
    expect(userPermissionUnknowns(carol({ unavailable: [groupsRefused] }))).toEqual([{ ...groupsRefused, section: 'groupPolicies' }]);
    expect(userPermissionUnknowns(carol({ unavailable: [denied('inlinePolicies', 'z')] })).map((section) => section.section)).toEqual(['inlinePolicies']);
    expect(userPermissionUnknowns(carol({}))).toEqual([]);
  });
});
