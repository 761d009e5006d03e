import type { PasswordPolicy } from '@iam-console/api-contract/account.ts';

/** The account password policy, with AWS's field names (GetAccountPasswordPolicy). */
export type { PasswordPolicy };

/** The symbols IAM accepts as "non-alphanumeric" in a password. */
export const PASSWORD_SYMBOLS = "!@#$%^&*()_+-=[]{}|'";

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';

/** What a new password must satisfy, in the console's words; `null` means the IAM default applies. */
export function describePasswordPolicy(policy: PasswordPolicy | null): string[] {
  if (!policy) {
    return [
      'Minimum password length is 8 characters',
      'Include a minimum of three of the following mix of character types: uppercase, lowercase, numbers, and non-alphanumeric characters',
      'Must not be identical to your AWS account name or email address',
    ];
  }
  const lines = [`Minimum password length is ${policy.MinimumPasswordLength ?? 8} characters`];
  if (policy.RequireUppercaseCharacters) lines.push('Require at least one uppercase letter from the Latin alphabet (A-Z)');
  if (policy.RequireLowercaseCharacters) lines.push('Require at least one lowercase letter from the Latin alphabet (a-z)');
  if (policy.RequireNumbers) lines.push('Require at least one number');
  if (policy.RequireSymbols) lines.push(`Require at least one non-alphanumeric character (${PASSWORD_SYMBOLS.split('').join(' ')})`);
  if (policy.ExpirePasswords && policy.MaxPasswordAge) {
    lines.push(`Passwords expire in ${policy.MaxPasswordAge} day${policy.MaxPasswordAge === 1 ? '' : 's'}`);
  }
  if (policy.HardExpiry) lines.push('Expired passwords require an administrator reset');
  if (policy.PasswordReusePrevention) {
    lines.push(`Remember ${policy.PasswordReusePrevention} password${policy.PasswordReusePrevention === 1 ? '' : 's'} and prevent their reuse`);
  }
  if (policy.AllowUsersToChangePassword) lines.push('Users can change their own password');
  return lines;
}

/** One rule of the policy and whether `password` meets it: what the change-password form ticks off as the person types. */
export interface PasswordCheck {
  rule: string;
  met: boolean;
}

/** Every rule `policy` (or IAM's default, for null) sets, checked against `password`. IAM itself has the last word. */
export function passwordChecks(password: string, policy: PasswordPolicy | null): PasswordCheck[] {
  const min = policy ? (policy.MinimumPasswordLength ?? 8) : 8;
  const checks: PasswordCheck[] = [{ rule: `At least ${min} characters`, met: password.length >= min }];
  // Only said when broken: no one needs to be told their password is short enough.
  if (password.length > 128) checks.push({ rule: 'At most 128 characters', met: false });
  const has = {
    upper: /[A-Z]/.test(password),
    lower: /[a-z]/.test(password),
    digit: /[0-9]/.test(password),
    symbol: [...password].some((char) => PASSWORD_SYMBOLS.includes(char)),
  };
  if (!policy) {
    checks.push({ rule: 'At least three of: uppercase, lowercase, numbers, non-alphanumeric characters', met: Object.values(has).filter(Boolean).length >= 3 });
    return checks;
  }
  if (policy.RequireUppercaseCharacters) checks.push({ rule: 'An uppercase letter', met: has.upper });
  if (policy.RequireLowercaseCharacters) checks.push({ rule: 'A lowercase letter', met: has.lower });
  if (policy.RequireNumbers) checks.push({ rule: 'A number', met: has.digit });
  if (policy.RequireSymbols) checks.push({ rule: 'A non-alphanumeric character', met: has.symbol });
  return checks;
}

/** Reasons `password` breaks `policy` (empty when it complies). */
export function passwordViolations(password: string, policy: PasswordPolicy | null): string[] {
  return passwordChecks(password, policy).filter((check) => !check.met).map((check) => check.rule);
}

function cryptoRandom(size: number): number {
  // Rejection sampling keeps every character equally likely.
  const limit = Math.floor(0x1_0000_0000 / size) * size;
  const buffer = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(buffer);
    const value = buffer[0] ?? 0;
    if (value < limit) return value % size;
  }
}

/** A random password that satisfies any policy: every character class present, at least 16 long. */
export function generatePassword(policy: PasswordPolicy | null, random: (n: number) => number = cryptoRandom): string {
  const length = Math.max(16, policy?.MinimumPasswordLength ?? 8);
  const classes = [UPPER, LOWER, DIGITS, PASSWORD_SYMBOLS];
  const all = classes.join('');
  const chars = classes.map((set) => set[random(set.length)] ?? 'a');
  while (chars.length < length) chars.push(all[random(all.length)] ?? 'a');
  for (let i = chars.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}
