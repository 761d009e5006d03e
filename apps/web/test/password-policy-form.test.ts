import { describe, expect, it } from 'vitest';
import {
  formStateFromPolicy,
  policyFromFormState,
  validatePasswordPolicyForm,
  type PasswordPolicyFormState,
} from '../src/features/account/components/password-policy-form-state.ts';
import { validateAccountAlias } from '../src/features/account/components/account-alias.ts';

const custom = (changes: Partial<PasswordPolicyFormState> = {}): PasswordPolicyFormState => ({
  ...formStateFromPolicy({ MinimumPasswordLength: 14 }),
  ...changes,
});

describe('password policy form validation', () => {
  it('accepts the bounds IAM accepts and rejects one past them', () => {
    expect(validatePasswordPolicyForm(custom({ minimumLength: '6' }))).toEqual({});
    expect(validatePasswordPolicyForm(custom({ minimumLength: '128' }))).toEqual({});
    expect(validatePasswordPolicyForm(custom({ minimumLength: '5' })).minimumLength).toMatch(/between 6 and 128/);
    expect(validatePasswordPolicyForm(custom({ minimumLength: '129' })).minimumLength).toMatch(/between 6 and 128/);

    const expiring = { expirePasswords: true };
    expect(validatePasswordPolicyForm(custom({ ...expiring, maxAge: '1' }))).toEqual({});
    expect(validatePasswordPolicyForm(custom({ ...expiring, maxAge: '1095' }))).toEqual({});
    expect(validatePasswordPolicyForm(custom({ ...expiring, maxAge: '0' })).maxAge).toMatch(/between 1 and 1095/);
    expect(validatePasswordPolicyForm(custom({ ...expiring, maxAge: '1096' })).maxAge).toMatch(/between 1 and 1095/);

    const reuse = { preventReuse: true };
    expect(validatePasswordPolicyForm(custom({ ...reuse, reuseCount: '24' }))).toEqual({});
    expect(validatePasswordPolicyForm(custom({ ...reuse, reuseCount: '25' })).reuseCount).toMatch(/between 1 and 24/);
    expect(validatePasswordPolicyForm(custom({ ...reuse, reuseCount: '0' })).reuseCount).toMatch(/between 1 and 24/);
  });

  it('rejects empty, fractional and non-numeric values with a reason', () => {
    expect(validatePasswordPolicyForm(custom({ minimumLength: '' })).minimumLength).toMatch(/^Enter/);
    expect(validatePasswordPolicyForm(custom({ minimumLength: '8.5' })).minimumLength).toMatch(/whole number/);
    expect(validatePasswordPolicyForm(custom({ minimumLength: '1e2' })).minimumLength).toMatch(/whole number/);
    expect(validatePasswordPolicyForm(custom({ minimumLength: '-8' })).minimumLength).toMatch(/whole number/);
  });

  it('ignores the fields of options that are switched off, and everything for the IAM default', () => {
    expect(validatePasswordPolicyForm(custom({ expirePasswords: false, maxAge: 'nonsense' }))).toEqual({});
    expect(validatePasswordPolicyForm(custom({ preventReuse: false, reuseCount: '99' }))).toEqual({});
    expect(validatePasswordPolicyForm(custom({ mode: 'iam-default', minimumLength: '2' }))).toEqual({});
  });

  it('builds the UpdateAccountPasswordPolicy request, leaving out switched-off options', () => {
    const policy = policyFromFormState(
      custom({ minimumLength: ' 16 ', requireSymbols: true, allowUsersToChange: true, expirePasswords: true, maxAge: '90', hardExpiry: true }),
    );
    expect(policy).toEqual({
      MinimumPasswordLength: 16,
      RequireUppercaseCharacters: false,
      RequireLowercaseCharacters: false,
      RequireNumbers: false,
      RequireSymbols: true,
      AllowUsersToChangePassword: true,
      MaxPasswordAge: 90,
      HardExpiry: true,
    });
    const noExpiry = policyFromFormState(custom({ expirePasswords: false, hardExpiry: true, maxAge: '30' }));
    expect(noExpiry).not.toHaveProperty('MaxPasswordAge');
    expect(noExpiry).not.toHaveProperty('HardExpiry');
    expect(noExpiry).not.toHaveProperty('PasswordReusePrevention');
  });

  it('starts from the current policy, or the IAM default when there is none', () => {
    expect(formStateFromPolicy(null).mode).toBe('iam-default');
    const state = formStateFromPolicy({ MinimumPasswordLength: 12, MaxPasswordAge: 30, PasswordReusePrevention: 3, RequireNumbers: true });
    expect(state).toMatchObject({ mode: 'custom', minimumLength: '12', expirePasswords: true, maxAge: '30', preventReuse: true, reuseCount: '3', requireNumbers: true });
  });
});

describe('account alias validation', () => {
  it('follows AWS alias rules', () => {
    expect(validateAccountAlias('my-company')).toBeUndefined();
    expect(validateAccountAlias('ab')).toMatch(/3 to 63/);
    expect(validateAccountAlias('a'.repeat(64))).toMatch(/3 to 63/);
    expect(validateAccountAlias('My-Company')).toMatch(/lowercase/);
    expect(validateAccountAlias('-abc')).toMatch(/hyphen/);
    expect(validateAccountAlias('ab--c')).toMatch(/two hyphens/);
    expect(validateAccountAlias('123456789012')).toMatch(/12-digit/);
  });
});
