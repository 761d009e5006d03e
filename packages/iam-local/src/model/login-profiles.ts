// Console passwords of IAM users (login profiles): create/get/update/delete, ChangePassword by the user itself,
// the account password policy enforced on every new password (length, character types, reuse, expiry), and
// the password-last-used fact. Hashing is asynchronous (scrypt on the thread pool); each write then runs in one
// synchronous transaction that re-checks what it read, so a concurrent change is refused instead of lost.
import type { Db } from './db.ts';
import { IamError } from '../errors.ts';
import { isoSeconds } from './names.ts';
import type { CredentialOwner } from './credential-owner.ts';
import { hashPassword, matchesAny, verifyPassword } from './password-hash.ts';
import { getPasswordPolicy, passwordExpiry, passwordViolation, type PasswordPolicy } from './password-policy.ts';

type UserOwner = CredentialOwner & { kind: 'user' };

export interface LoginProfile {
  userName: string;
  createDate: Date;
  passwordResetRequired: boolean;
}

interface ProfileRow {
  password_hash: string;
  create_date: string;
  password_changed: string;
  reset_required: number;
}

function readProfile(db: Db, userId: string): ProfileRow | undefined {
  return db.prepare('SELECT password_hash, create_date, password_changed, reset_required FROM iam_login_profiles WHERE user_id = ?').get(userId) as
    | ProfileRow
    | undefined;
}

function noProfile(userName: string): IamError {
  return new IamError('NoSuchEntity', `Login Profile for User ${userName} cannot be found.`);
}

function requireProfile(db: Db, user: UserOwner): ProfileRow {
  const row = readProfile(db, user.userId);
  if (!row) throw noProfile(user.userName);
  return row;
}

/** The last `count` password hashes of the user (current one included), newest first. */
function recentHashes(db: Db, userId: string, count: number): string[] {
  return db.prepare('SELECT password_hash FROM iam_password_history WHERE user_id = ? ORDER BY seq DESC LIMIT ?').pluck().all(userId, count) as string[];
}

/** Policy checks for a new password: composition first, then reuse prevention against the user's history. */
async function checkNewPassword(db: Db, user: UserOwner, password: string): Promise<void> {
  const policy = getPasswordPolicy(db);
  const violation = passwordViolation(policy, password);
  if (violation) throw new IamError('PasswordPolicyViolation', violation);
  const reuse = policy?.PasswordReusePrevention;
  if (reuse && (await matchesAny(password, recentHashes(db, user.userId, reuse)))) {
    throw new IamError('PasswordPolicyViolation', `Password should not be one of your previous ${reuse} passwords`);
  }
}

/** Appends to the history (kept to the policy's maximum of 24) inside the caller's transaction. */
function remember(db: Db, userId: string, hash: string): void {
  const next = (db.prepare('SELECT coalesce(max(seq), 0) + 1 FROM iam_password_history WHERE user_id = ?').pluck().get(userId) as number) ?? 1;
  db.prepare('INSERT INTO iam_password_history (user_id, seq, password_hash) VALUES (?, ?, ?)').run(userId, next, hash);
  db.prepare('DELETE FROM iam_password_history WHERE user_id = ? AND seq <= ?').run(userId, next - 24);
}

function toProfile(user: UserOwner, row: ProfileRow): LoginProfile {
  return { userName: user.userName, createDate: new Date(row.create_date), passwordResetRequired: row.reset_required === 1 };
}

export interface NewLoginProfile {
  password: string;
  passwordResetRequired: boolean;
  now: Date;
}

/** CreateLoginProfile: EntityAlreadyExists when the user has one; the password must satisfy the policy. */
export async function createLoginProfile(db: Db, user: UserOwner, input: NewLoginProfile): Promise<LoginProfile> {
  const exists = () => new IamError('EntityAlreadyExists', `Login Profile for user ${user.userName} already exists.`);
  if (readProfile(db, user.userId)) throw exists();
  await checkNewPassword(db, user, input.password);
  const hash = await hashPassword(input.password);
  const when = isoSeconds(input.now);
  return db.transaction(() => {
    if (readProfile(db, user.userId)) throw exists();
    db.prepare('INSERT INTO iam_login_profiles (user_id, password_hash, create_date, password_changed, reset_required) VALUES (?, ?, ?, ?, ?)').run(
      user.userId,
      hash,
      when,
      when,
      input.passwordResetRequired ? 1 : 0,
    );
    remember(db, user.userId, hash);
    return toProfile(user, readProfile(db, user.userId) as ProfileRow);
  })();
}

export function getLoginProfile(db: Db, user: UserOwner): LoginProfile {
  return toProfile(user, requireProfile(db, user));
}

export interface LoginProfileUpdate {
  password?: string | undefined;
  passwordResetRequired?: boolean | undefined;
  now: Date;
}

/** UpdateLoginProfile (an administrator resetting a password or the reset flag). */
export async function updateLoginProfile(db: Db, user: UserOwner, update: LoginProfileUpdate): Promise<void> {
  const before = requireProfile(db, user);
  let hash: string | undefined;
  if (update.password !== undefined) {
    await checkNewPassword(db, user, update.password);
    hash = await hashPassword(update.password);
  }
  db.transaction(() => {
    const current = requireProfile(db, user);
    if (current.password_hash !== before.password_hash) throw concurrentChange(user);
    if (hash !== undefined) {
      db.prepare('UPDATE iam_login_profiles SET password_hash = ?, password_changed = ? WHERE user_id = ?').run(hash, isoSeconds(update.now), user.userId);
      remember(db, user.userId, hash);
    }
    if (update.passwordResetRequired !== undefined) {
      db.prepare('UPDATE iam_login_profiles SET reset_required = ? WHERE user_id = ?').run(update.passwordResetRequired ? 1 : 0, user.userId);
    }
  })();
}

function concurrentChange(user: UserOwner): IamError {
  return new IamError('ConcurrentModification', `The login profile of user ${user.userName} was changed by another request; retry.`);
}

export function deleteLoginProfile(db: Db, user: UserOwner): void {
  const result = db.prepare('DELETE FROM iam_login_profiles WHERE user_id = ?').run(user.userId);
  if (result.changes === 0) throw noProfile(user.userName);
}

function isExpired(policy: PasswordPolicy | undefined, row: ProfileRow, now: Date): boolean {
  const expiry = passwordExpiry(policy, new Date(row.password_changed));
  return expiry !== undefined && expiry.getTime() <= now.getTime();
}

/**
 * ChangePassword: the calling user's own password. The old password must match; the new one must satisfy the
 * policy; an expired password under HardExpiry can only be reset by an administrator. Clears the reset flag.
 */
export async function changePassword(db: Db, user: UserOwner, oldPassword: string, newPassword: string, now: Date): Promise<void> {
  const before = requireProfile(db, user);
  if (!(await verifyPassword(oldPassword, before.password_hash))) {
    throw new IamError('AccessDenied', 'The old password is incorrect.');
  }
  const policy = getPasswordPolicy(db);
  if (policy?.HardExpiry && isExpired(policy, before, now)) {
    throw new IamError('EntityTemporarilyUnmodifiable', 'The password has expired and can only be reset by an administrator.');
  }
  await checkNewPassword(db, user, newPassword);
  const hash = await hashPassword(newPassword);
  db.transaction(() => {
    const current = requireProfile(db, user);
    if (current.password_hash !== before.password_hash) throw concurrentChange(user);
    db.prepare('UPDATE iam_login_profiles SET password_hash = ?, password_changed = ?, reset_required = 0 WHERE user_id = ?').run(
      hash,
      isoSeconds(now),
      user.userId,
    );
    remember(db, user.userId, hash);
  })();
}

export type PasswordSignIn =
  | { ok: true; passwordResetRequired: boolean; expired: boolean }
  | { ok: false; reason: 'no-login-profile' | 'wrong-password' | 'expired-hard' };

/**
 * A console sign-in with a password: checks it and records PasswordLastUsed (AWS records the first use in any
 * 5-minute span; we record each successful sign-in).
 */
export async function signInWithPassword(db: Db, user: UserOwner, password: string, now: Date): Promise<PasswordSignIn> {
  const row = readProfile(db, user.userId);
  if (!row) return { ok: false, reason: 'no-login-profile' };
  if (!(await verifyPassword(password, row.password_hash))) return { ok: false, reason: 'wrong-password' };
  const policy = getPasswordPolicy(db);
  const expired = isExpired(policy, row, now);
  if (expired && policy?.HardExpiry) return { ok: false, reason: 'expired-hard' };
  recordPasswordUse(db, user.userId, now);
  return { ok: true, passwordResetRequired: row.reset_required === 1, expired };
}

export function recordPasswordUse(db: Db, userId: string, when: Date): void {
  db.prepare('INSERT INTO iam_password_last_used (user_id, last_used) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET last_used = excluded.last_used').run(
    userId,
    isoSeconds(when),
  );
}

/** GetUser/ListUsers PasswordLastUsed: undefined when the user never signed in with a password. */
export function passwordLastUsed(db: Db, userId: string): Date | undefined {
  const value = db.prepare('SELECT last_used FROM iam_password_last_used WHERE user_id = ?').pluck().get(userId) as string | undefined;
  return value === undefined ? undefined : new Date(value);
}

/**
 * Seeding only: stores a login profile from an already computed hash (synchronous, so a large seed can give many
 * users the same demo password without hashing it once per user). No policy check.
 */
export function insertLoginProfileHash(db: Db, userId: string, hash: string, options: { created: Date; resetRequired?: boolean }): void {
  const when = isoSeconds(options.created);
  db.prepare('INSERT INTO iam_login_profiles (user_id, password_hash, create_date, password_changed, reset_required) VALUES (?, ?, ?, ?, ?)').run(
    userId,
    hash,
    when,
    when,
    options.resetRequired ? 1 : 0,
  );
  remember(db, userId, hash);
}

/** Seeding: back-dates a login profile (creation and last change) to show password ages. */
export function setLoginProfileDates(db: Db, userId: string, dates: { created: Date; changed?: Date }): void {
  db.prepare('UPDATE iam_login_profiles SET create_date = ?, password_changed = ? WHERE user_id = ?').run(
    isoSeconds(dates.created),
    isoSeconds(dates.changed ?? dates.created),
    userId,
  );
}
