// The account password policy (Get/Update/DeleteAccountPasswordPolicy) and the checks it imposes on new console
// passwords. Without a custom policy IAM applies its default policy (UG "Default password policy"): 8–128
// characters with at least three of the four character types.
import type { Db } from './db.ts';
import { IamError } from '../errors.ts';

/** The policy as the API names its fields. ExpirePasswords is derived from MaxPasswordAge, as in AWS. */
export interface PasswordPolicy {
  MinimumPasswordLength: number;
  RequireSymbols: boolean;
  RequireNumbers: boolean;
  RequireUppercaseCharacters: boolean;
  RequireLowercaseCharacters: boolean;
  AllowUsersToChangePassword: boolean;
  ExpirePasswords: boolean;
  MaxPasswordAge: number | undefined;
  PasswordReusePrevention: number | undefined;
  HardExpiry: boolean;
}

/** UpdateAccountPasswordPolicy input: every field omitted takes its default (AWS does not merge with the old policy). */
export interface PasswordPolicyUpdate {
  MinimumPasswordLength?: number | undefined;
  RequireSymbols?: boolean | undefined;
  RequireNumbers?: boolean | undefined;
  RequireUppercaseCharacters?: boolean | undefined;
  RequireLowercaseCharacters?: boolean | undefined;
  AllowUsersToChangePassword?: boolean | undefined;
  MaxPasswordAge?: number | undefined;
  PasswordReusePrevention?: number | undefined;
  HardExpiry?: boolean | undefined;
}

/** Documented ranges (UpdateAccountPasswordPolicy). */
export const PASSWORD_POLICY_RANGES = {
  MinimumPasswordLength: { min: 6, max: 128 },
  MaxPasswordAge: { min: 1, max: 1095 },
  PasswordReusePrevention: { min: 1, max: 24 },
} as const;

/** The non-alphanumeric characters IAM counts as symbols. */
const SYMBOLS = "!@#$%^&*()_+-=[]{}|'";

interface PolicyRow {
  minimum_length: number;
  require_symbols: number;
  require_numbers: number;
  require_uppercase: number;
  require_lowercase: number;
  allow_users_to_change: number;
  max_password_age: number | null;
  reuse_prevention: number | null;
  hard_expiry: number;
}

/** The custom policy, or undefined when the account uses IAM's default policy. */
export function getPasswordPolicy(db: Db): PasswordPolicy | undefined {
  const row = db.prepare('SELECT * FROM iam_password_policy WHERE id = 1').get() as PolicyRow | undefined;
  if (!row) return undefined;
  return {
    MinimumPasswordLength: row.minimum_length,
    RequireSymbols: row.require_symbols === 1,
    RequireNumbers: row.require_numbers === 1,
    RequireUppercaseCharacters: row.require_uppercase === 1,
    RequireLowercaseCharacters: row.require_lowercase === 1,
    AllowUsersToChangePassword: row.allow_users_to_change === 1,
    ExpirePasswords: row.max_password_age !== null,
    MaxPasswordAge: row.max_password_age ?? undefined,
    PasswordReusePrevention: row.reuse_prevention ?? undefined,
    HardExpiry: row.hard_expiry === 1,
  };
}

/** GetAccountPasswordPolicy: NoSuchEntity in AWS's words when there is no custom policy. */
export function requirePasswordPolicy(db: Db, accountId: string): PasswordPolicy {
  const policy = getPasswordPolicy(db);
  if (!policy) throw new IamError('NoSuchEntity', `The Password Policy with domain name ${accountId} cannot be found.`);
  return policy;
}

function inRange(name: keyof typeof PASSWORD_POLICY_RANGES, value: number | undefined): void {
  if (value === undefined) return;
  const { min, max } = PASSWORD_POLICY_RANGES[name];
  if (!Number.isInteger(value) || value < min || value > max) {
    const field = name.charAt(0).toLowerCase() + name.slice(1);
    const constraint = value < min ? `greater than or equal to ${min}` : `less than or equal to ${max}`;
    throw new IamError('ValidationError', `1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must have value ${constraint}`);
  }
}

/** Replaces the policy (omitted fields take their defaults). Ranges are checked here as well as at the boundary. */
export function updatePasswordPolicy(db: Db, update: PasswordPolicyUpdate): PasswordPolicy {
  inRange('MinimumPasswordLength', update.MinimumPasswordLength);
  inRange('MaxPasswordAge', update.MaxPasswordAge);
  inRange('PasswordReusePrevention', update.PasswordReusePrevention);
  const flag = (value: boolean | undefined) => (value ? 1 : 0);
  db.prepare(
    `INSERT OR REPLACE INTO iam_password_policy (id, minimum_length, require_symbols, require_numbers, require_uppercase,
       require_lowercase, allow_users_to_change, max_password_age, reuse_prevention, hard_expiry)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    update.MinimumPasswordLength ?? 6,
    flag(update.RequireSymbols),
    flag(update.RequireNumbers),
    flag(update.RequireUppercaseCharacters),
    flag(update.RequireLowercaseCharacters),
    flag(update.AllowUsersToChangePassword),
    update.MaxPasswordAge ?? null,
    update.PasswordReusePrevention ?? null,
    flag(update.HardExpiry),
  );
  return getPasswordPolicy(db) as PasswordPolicy;
}

/** DeleteAccountPasswordPolicy: NoSuchEntity when there is none, in other words than GetAccountPasswordPolicy's (as AWS). */
export function deletePasswordPolicy(db: Db): void {
  const result = db.prepare('DELETE FROM iam_password_policy WHERE id = 1').run();
  if (result.changes === 0) throw new IamError('NoSuchEntity', 'The account policy with name PasswordPolicy cannot be found.');
}

function characterTypes(password: string): { upper: boolean; lower: boolean; number: boolean; symbol: boolean } {
  return {
    upper: /[A-Z]/.test(password),
    lower: /[a-z]/.test(password),
    number: /[0-9]/.test(password),
    symbol: [...password].some((c) => SYMBOLS.includes(c)),
  };
}

/**
 * Why `password` may not be set under `policy` (undefined = IAM's default policy), as the PasswordPolicyViolation
 * message AWS sends; undefined when it complies. Reuse is checked separately (it needs the user's history).
 */
export function passwordViolation(policy: PasswordPolicy | undefined, password: string): string | undefined {
  const types = characterTypes(password);
  const length = [...password].length;
  if (!policy) {
    if (length < 8) return 'Password should have a minimum length of 8';
    const kinds = [types.upper, types.lower, types.number, types.symbol].filter(Boolean).length;
    if (kinds < 3) {
      return 'Password should have at least three of the following character types: uppercase letters, lowercase letters, numbers, and symbols';
    }
    return undefined;
  }
  if (length < policy.MinimumPasswordLength) return `Password should have a minimum length of ${policy.MinimumPasswordLength}`;
  if (policy.RequireLowercaseCharacters && !types.lower) return 'Password should have at least one lowercase letter';
  if (policy.RequireUppercaseCharacters && !types.upper) return 'Password should have at least one uppercase letter';
  if (policy.RequireNumbers && !types.number) return 'Password should have at least one number';
  if (policy.RequireSymbols && !types.symbol) return 'Password should have at least one symbol';
  return undefined;
}

/** Throws PasswordPolicyViolation unless `password` complies with the account's policy. */
export function assertPasswordAllowed(db: Db, password: string): void {
  const violation = passwordViolation(getPasswordPolicy(db), password);
  if (violation) throw new IamError('PasswordPolicyViolation', violation);
}

/** When a password changed at `changed` expires under `policy`, if it does. */
export function passwordExpiry(policy: PasswordPolicy | undefined, changed: Date): Date | undefined {
  if (!policy?.MaxPasswordAge) return undefined;
  return new Date(changed.getTime() + policy.MaxPasswordAge * 86_400_000);
}

/**
 * AllowUsersToChangePassword grants every IAM user iam:ChangePassword on itself and iam:GetAccountPasswordPolicy
 * at account level, without any policy (UG "Custom password policy options"). The authorizer asks this.
 */
export function usersMayChangeOwnPassword(db: Db): boolean {
  return getPasswordPolicy(db)?.AllowUsersToChangePassword === true;
}
