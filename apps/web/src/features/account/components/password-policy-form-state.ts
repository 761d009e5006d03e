import type { PasswordPolicy } from '../../../utils/password-policy.ts';

/** The edit form as the person fills it in: numbers stay text until they are validated. */
export interface PasswordPolicyFormState {
  mode: 'iam-default' | 'custom';
  minimumLength: string;
  requireUppercase: boolean;
  requireLowercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
  expirePasswords: boolean;
  maxAge: string;
  hardExpiry: boolean;
  allowUsersToChange: boolean;
  preventReuse: boolean;
  reuseCount: string;
}

export type PasswordPolicyFormErrors = Partial<Record<'minimumLength' | 'maxAge' | 'reuseCount', string>>;

// The ranges UpdateAccountPasswordPolicy accepts.
export const RANGES = {
  minimumLength: { min: 6, max: 128 },
  maxAge: { min: 1, max: 1095 },
  reuseCount: { min: 1, max: 24 },
} as const;

export function formStateFromPolicy(policy: PasswordPolicy | null): PasswordPolicyFormState {
  return {
    mode: policy ? 'custom' : 'iam-default',
    minimumLength: String(policy?.MinimumPasswordLength ?? 8),
    requireUppercase: policy?.RequireUppercaseCharacters ?? false,
    requireLowercase: policy?.RequireLowercaseCharacters ?? false,
    requireNumbers: policy?.RequireNumbers ?? false,
    requireSymbols: policy?.RequireSymbols ?? false,
    expirePasswords: Boolean(policy?.MaxPasswordAge),
    maxAge: String(policy?.MaxPasswordAge ?? 90),
    hardExpiry: policy?.HardExpiry ?? false,
    allowUsersToChange: policy?.AllowUsersToChangePassword ?? false,
    preventReuse: Boolean(policy?.PasswordReusePrevention),
    reuseCount: String(policy?.PasswordReusePrevention ?? 5),
  };
}

function checkRange(text: string, range: { min: number; max: number }, what: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return `Enter ${what}.`;
  if (!/^\d+$/.test(trimmed)) return `${capitalize(what)} must be a whole number.`;
  const value = Number(trimmed);
  if (value < range.min || value > range.max) {
    return `${capitalize(what)} must be between ${range.min} and ${range.max}.`;
  }
  return undefined;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The same limits IAM enforces, checked before the request so the person sees them next to the field. */
export function validatePasswordPolicyForm(state: PasswordPolicyFormState): PasswordPolicyFormErrors {
  if (state.mode === 'iam-default') return {};
  const errors: PasswordPolicyFormErrors = {};
  const length = checkRange(state.minimumLength, RANGES.minimumLength, 'a minimum password length');
  if (length) errors.minimumLength = length;
  if (state.expirePasswords) {
    const age = checkRange(state.maxAge, RANGES.maxAge, 'a password expiration period in days');
    if (age) errors.maxAge = age;
  }
  if (state.preventReuse) {
    const reuse = checkRange(state.reuseCount, RANGES.reuseCount, 'a number of passwords to remember');
    if (reuse) errors.reuseCount = reuse;
  }
  return errors;
}

/** The UpdateAccountPasswordPolicy request for a valid custom form (unset options are left out). */
export function policyFromFormState(state: PasswordPolicyFormState): PasswordPolicy {
  const policy: PasswordPolicy = {
    MinimumPasswordLength: Number(state.minimumLength.trim()),
    RequireUppercaseCharacters: state.requireUppercase,
    RequireLowercaseCharacters: state.requireLowercase,
    RequireNumbers: state.requireNumbers,
    RequireSymbols: state.requireSymbols,
    AllowUsersToChangePassword: state.allowUsersToChange,
  };
  if (state.expirePasswords) {
    policy.MaxPasswordAge = Number(state.maxAge.trim());
    // Administrator reset only means something when passwords expire.
    policy.HardExpiry = state.hardExpiry;
  }
  if (state.preventReuse) policy.PasswordReusePrevention = Number(state.reuseCount.trim());
  return policy;
}
