import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  changePassword,
  createLoginProfile,
  deleteLoginProfile,
  getLoginProfile,
  passwordLastUsed,
  signInWithPassword,
  updateLoginProfile,
} from '../src/model/login-profiles.ts';
import {
  deletePasswordPolicy,
  getPasswordPolicy,
  passwordViolation,
  requirePasswordPolicy,
  updatePasswordPolicy,
  usersMayChangeOwnPassword,
} from '../src/model/password-policy.ts';
import { requireUserOwner } from '../src/model/credential-owner.ts';
import { credentialDeleteConflict } from '../src/model/credential-dependencies.ts';
import { insertUser, openTempAccount, type TempAccount } from './helpers/temp-account.ts';
import { expectIamError } from './helpers/iam-error.ts';

let temp: TempAccount;
const t0 = new Date('2026-03-01T10:00:00Z');
const days = (n: number) => new Date(t0.getTime() + n * 86_400_000);
beforeEach(() => {
  temp = openTempAccount('111122223333');
  insertUser(temp.db, 'alice');
});
afterEach(() => temp.close());
const alice = () => requireUserOwner(temp.db, 'alice');

describe('password policy', () => {
  it('is absent until set: NoSuchEntity naming the account', async () => {
    expect(getPasswordPolicy(temp.db)).toBeUndefined();
    await expectIamError(() => requirePasswordPolicy(temp.db, '111122223333'), 'NoSuchEntity', 'The Password Policy with domain name 111122223333 cannot be found.');
    await expectIamError(() => deletePasswordPolicy(temp.db), 'NoSuchEntity', 'The account policy with name PasswordPolicy cannot be found.');
  });

  it('replaces every field on update (omitted fields take defaults) and derives ExpirePasswords', () => {
    updatePasswordPolicy(temp.db, { MinimumPasswordLength: 14, RequireSymbols: true, MaxPasswordAge: 90, PasswordReusePrevention: 24, AllowUsersToChangePassword: true });
    expect(requirePasswordPolicy(temp.db, 'x')).toEqual({
      MinimumPasswordLength: 14,
      RequireSymbols: true,
      RequireNumbers: false,
      RequireUppercaseCharacters: false,
      RequireLowercaseCharacters: false,
      AllowUsersToChangePassword: true,
      ExpirePasswords: true,
      MaxPasswordAge: 90,
      PasswordReusePrevention: 24,
      HardExpiry: false,
    });
    expect(usersMayChangeOwnPassword(temp.db)).toBe(true);
    updatePasswordPolicy(temp.db, { RequireNumbers: true });
    expect(requirePasswordPolicy(temp.db, 'x')).toMatchObject({ MinimumPasswordLength: 6, RequireSymbols: false, RequireNumbers: true, ExpirePasswords: false, MaxPasswordAge: undefined });
    expect(usersMayChangeOwnPassword(temp.db)).toBe(false);
    deletePasswordPolicy(temp.db);
    expect(getPasswordPolicy(temp.db)).toBeUndefined();
  });

  it('refuses values outside the documented ranges', async () => {
    await expectIamError(() => updatePasswordPolicy(temp.db, { MinimumPasswordLength: 5 }), 'ValidationError', /minimumPasswordLength.*greater than or equal to 6/);
    await expectIamError(() => updatePasswordPolicy(temp.db, { MinimumPasswordLength: 129 }), 'ValidationError', /less than or equal to 128/);
    await expectIamError(() => updatePasswordPolicy(temp.db, { MaxPasswordAge: 1096 }), 'ValidationError', /maxPasswordAge/);
    await expectIamError(() => updatePasswordPolicy(temp.db, { PasswordReusePrevention: 25 }), 'ValidationError', /passwordReusePrevention/);
    expect(getPasswordPolicy(temp.db)).toBeUndefined();
  });

  it('words violations as AWS does, the default policy applying without a custom one', () => {
    expect(passwordViolation(undefined, 'Ab1!')).toBe('Password should have a minimum length of 8');
    expect(passwordViolation(undefined, 'abcdefgh1')).toMatch(/at least three of the following character types/);
    expect(passwordViolation(undefined, 'Abcdefgh1')).toBeUndefined();
    const policy = updatePasswordPolicy(temp.db, { MinimumPasswordLength: 10, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true, RequireNumbers: true, RequireSymbols: true });
    expect(passwordViolation(policy, 'short')).toBe('Password should have a minimum length of 10');
    expect(passwordViolation(policy, 'ABCDEFGHIJK')).toBe('Password should have at least one lowercase letter');
    expect(passwordViolation(policy, 'abcdefghijk')).toBe('Password should have at least one uppercase letter');
    expect(passwordViolation(policy, 'Abcdefghijk')).toBe('Password should have at least one number');
    expect(passwordViolation(policy, 'Abcdefghij1')).toBe('Password should have at least one symbol');
    expect(passwordViolation(policy, "Abcdefghij1'")).toBeUndefined();
  });
});

describe('login profiles', () => {
  it('creates, reads, updates and deletes a login profile', async () => {
    const profile = await createLoginProfile(temp.db, alice(), { password: 'Correct-Horse-1', passwordResetRequired: true, now: t0 });
    expect(profile).toEqual({ userName: 'alice', createDate: t0, passwordResetRequired: true });
    await expectIamError(
      () => createLoginProfile(temp.db, alice(), { password: 'Correct-Horse-1', passwordResetRequired: false, now: t0 }),
      'EntityAlreadyExists',
      'Login Profile for user alice already exists.',
    );
    expect(credentialDeleteConflict(temp.db, 'alice')?.message).toBe('Cannot delete entity, must delete login profile first.');
    await updateLoginProfile(temp.db, alice(), { passwordResetRequired: false, now: t0 });
    expect(getLoginProfile(temp.db, alice()).passwordResetRequired).toBe(false);
    deleteLoginProfile(temp.db, alice());
    await expectIamError(() => getLoginProfile(temp.db, alice()), 'NoSuchEntity', 'Login Profile for User alice cannot be found.');
    await expectIamError(() => deleteLoginProfile(temp.db, alice()), 'NoSuchEntity');
  });

  it('enforces the policy on create and update, and stores only a hash', async () => {
    updatePasswordPolicy(temp.db, { MinimumPasswordLength: 14 });
    await expectIamError(
      () => createLoginProfile(temp.db, alice(), { password: 'Tr0ub4dor&3', passwordResetRequired: false, now: t0 }),
      'PasswordPolicyViolation',
      'Password should have a minimum length of 14',
    );
    await createLoginProfile(temp.db, alice(), { password: 'correct horse battery staple', passwordResetRequired: false, now: t0 });
    const stored = temp.db.prepare('SELECT password_hash FROM iam_login_profiles').pluck().get() as string;
    expect(stored).toMatch(/^scrypt\$/);
    expect(stored).not.toContain('horse');
    await expectIamError(() => updateLoginProfile(temp.db, alice(), { password: 'short', now: t0 }), 'PasswordPolicyViolation');
  });

  it('ChangePassword checks the old password, clears the reset flag and refuses reuse', async () => {
    updatePasswordPolicy(temp.db, { MinimumPasswordLength: 8, PasswordReusePrevention: 2 });
    await createLoginProfile(temp.db, alice(), { password: 'first-pass-1', passwordResetRequired: true, now: t0 });
    await expectIamError(() => changePassword(temp.db, alice(), 'wrong-pass', 'second-pass-2', days(1)), 'AccessDenied', 'The old password is incorrect.');
    await changePassword(temp.db, alice(), 'first-pass-1', 'second-pass-2', days(1));
    expect(getLoginProfile(temp.db, alice()).passwordResetRequired).toBe(false);
    await expectIamError(
      () => changePassword(temp.db, alice(), 'second-pass-2', 'first-pass-1', days(2)),
      'PasswordPolicyViolation',
      'Password should not be one of your previous 2 passwords',
    );
    await changePassword(temp.db, alice(), 'second-pass-2', 'third-pass-3', days(2));
    // first-pass-1 is now three passwords back: allowed again under a reuse window of 2.
    await changePassword(temp.db, alice(), 'third-pass-3', 'first-pass-1', days(3));
  });

  it('HardExpiry: an expired password can only be reset by an administrator', async () => {
    updatePasswordPolicy(temp.db, { MaxPasswordAge: 30, HardExpiry: true });
    await createLoginProfile(temp.db, alice(), { password: 'Old-password-1', passwordResetRequired: false, now: t0 });
    await expectIamError(() => changePassword(temp.db, alice(), 'Old-password-1', 'New-password-2', days(31)), 'EntityTemporarilyUnmodifiable');
    expect(await signInWithPassword(temp.db, alice(), 'Old-password-1', days(31))).toEqual({ ok: false, reason: 'expired-hard' });
    await updateLoginProfile(temp.db, alice(), { password: 'Admin-reset-3', passwordResetRequired: true, now: days(31) });
    expect(await signInWithPassword(temp.db, alice(), 'Admin-reset-3', days(32))).toEqual({ ok: true, passwordResetRequired: true, expired: false });
  });

  it('signing in records PasswordLastUsed; a wrong password does not', async () => {
    await createLoginProfile(temp.db, alice(), { password: 'Sign-in-pass-1', passwordResetRequired: false, now: t0 });
    expect(await signInWithPassword(temp.db, alice(), 'nope', days(1))).toEqual({ ok: false, reason: 'wrong-password' });
    expect(passwordLastUsed(temp.db, alice().userId)).toBeUndefined();
    expect((await signInWithPassword(temp.db, alice(), 'Sign-in-pass-1', days(1))).ok).toBe(true);
    expect(passwordLastUsed(temp.db, alice().userId)).toEqual(days(1));
  });
});
