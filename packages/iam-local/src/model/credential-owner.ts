// Who a credential belongs to: the root user or an IAM user (by immutable id, so renames keep credentials).
import type { Db } from './db.ts';
import { requireUser, type User } from './users.ts';

export type CredentialOwner = { kind: 'root' } | { kind: 'user'; userId: string; userName: string; path: string };

export function userOwner(user: Pick<User, 'id' | 'name' | 'path'>): CredentialOwner & { kind: 'user' } {
  return { kind: 'user', userId: user.id, userName: user.name, path: user.path };
}

/** The user named `userName` as a credential owner, or NoSuchEntity in AWS's wording. */
export function requireUserOwner(db: Db, userName: string): CredentialOwner & { kind: 'user' } {
  return userOwner(requireUser(db, userName));
}
