import { describe, expect, it } from 'vitest';
import { deactivationWarnings, isOlderThanRotation, pageState, sectionState } from '../src/features/self-service/components/section-state.ts';

// IAM's messages as the BFF passes them on (section, code, message).
const explicitDeny = (section: string, action: string) => ({
  section,
  code: 'AccessDenied',
  message: `User: arn:aws:iam::123456789012:user/bob is not authorized to perform: ${action} on resource: arn:aws:iam::123456789012:user/bob with an explicit deny in an identity-based policy`,
});
const noAllow = (section: string, action: string) => ({
  section,
  code: 'AccessDenied',
  message: `User: arn:aws:iam::123456789012:user/dana is not authorized to perform: ${action} on resource: arn:aws:iam::123456789012:user/dana because no identity-based policy allows the ${action} action`,
});

describe('what each part of My security credentials can do', () => {
  it('is open when IAM answered its read call', () => {
    expect(sectionState([], 'accessKeys', false)).toEqual({ kind: 'open' });
  });

  it('is locked until an MFA sign-in when IAM denies it explicitly and the session has no MFA (Force_MFA)', () => {
    expect(sectionState([explicitDeny('accessKeys', 'iam:ListAccessKeys')], 'accessKeys', false)).toMatchObject({ kind: 'locked-until-mfa', action: 'iam:ListAccessKeys' });
  });

  it('is simply refused when MFA would not help: an explicit deny in an MFA session, or no allow at all', () => {
    expect(sectionState([explicitDeny('accessKeys', 'iam:ListAccessKeys')], 'accessKeys', true)).toMatchObject({ kind: 'refused', action: 'iam:ListAccessKeys' });
    expect(sectionState([noAllow('accessKeys', 'iam:ListAccessKeys')], 'accessKeys', false)).toMatchObject({ kind: 'refused', action: 'iam:ListAccessKeys' });
  });

  it('bob under Force_MFA without MFA: MFA open, keys and password locked, so the page says so once', () => {
    const bob = [explicitDeny('accessKeys', 'iam:ListAccessKeys'), explicitDeny('passwordPolicy', 'iam:GetAccountPasswordPolicy'), explicitDeny('loginProfile', 'iam:GetLoginProfile')];
    const state = pageState(bob, false);
    expect([state.mfa.kind, state.accessKeys.kind, state.password.kind, state.lockedUntilMfa]).toEqual(['open', 'locked-until-mfa', 'locked-until-mfa', true]);
    // After the MFA sign-in IAM answers, and nothing is locked.
    expect(pageState([noAllow('loginProfile', 'iam:GetLoginProfile')], true).lockedUntilMfa).toBe(false);
  });
});

describe('deactivating a key', () => {
  const keys = [
    { accessKeyId: 'AKIAOLD0000000000001', status: 'Active' as const },
    { accessKeyId: 'AKIANEW0000000000002', status: 'Active' as const },
  ];

  it('warns before the last active key goes, and before the key this session signed in with goes', () => {
    expect(deactivationWarnings(keys, 'AKIAOLD0000000000001', undefined)).toEqual([]);
    expect(deactivationWarnings([keys[0]!, { ...keys[1]!, status: 'Inactive' }], 'AKIAOLD0000000000001', undefined)).toEqual([expect.stringMatching(/only active access key/)]);
    expect(deactivationWarnings(keys, 'AKIAOLD0000000000001', 'AKIAOLD0000000000001')).toEqual([expect.stringMatching(/This console session signed in with this key/)]);
  });

  it('flags keys older than 90 days for rotation', () => {
    const now = Date.parse('2025-06-01T00:00:00Z');
    expect(isOlderThanRotation('2025-03-02T00:00:00Z', now)).toBe(true);
    expect(isOlderThanRotation('2025-03-04T00:00:00Z', now)).toBe(false);
  });
});
