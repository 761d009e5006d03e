// IAM users: identity rows keyed by an immutable id; names unique case-insensitively.
import type { Db } from './db.ts';
import { prepared } from './prepared.ts';
import { IamError } from '../errors.ts';
import { entityArn, isoSeconds, newUniqueId } from './names.ts';
import { decodeMarker, toPage, type Page, type PageRequest } from './keyset-page.ts';
import { bumpPolicyState } from './policy-state.ts';
import { dropTags, putTags, type Tag } from './tags.ts';
import { assertBelowQuota } from './account-quotas.ts';
import { forgetTrustedPrincipal, renameTrustedPrincipal } from './trust-principals.ts';

export interface User {
  id: string;
  name: string;
  path: string;
  createDate: string;
  boundaryArn: string | null;
}

/** SELECT list giving the user type's fields. */
export const USER_COLUMNS = 'id, name, path, create_date AS createDate, boundary_arn AS boundaryArn';

export function userArn(accountId: string, user: Pick<User, 'path' | 'name'>): string {
  return entityArn(accountId, 'user', user.path, user.name);
}

export function findUser(db: Db, name: string): User | undefined {
  return prepared(db, `SELECT ${USER_COLUMNS} FROM iam_users WHERE name = ?`).get(name) as User | undefined;
}

export function requireUser(db: Db, name: string): User {
  const user = findUser(db, name);
  if (!user) throw new IamError('NoSuchEntity', `The user with name ${name} cannot be found.`);
  return user;
}

export function findUserById(db: Db, id: string): User | undefined {
  return prepared(db, `SELECT ${USER_COLUMNS} FROM iam_users WHERE id = ?`).get(id) as User | undefined;
}

function assertNameFree(db: Db, name: string, exceptId?: string): void {
  const clash = prepared(db, 'SELECT id FROM iam_users WHERE name = ?').pluck().get(name) as string | undefined;
  if (clash !== undefined && clash !== exceptId) throw new IamError('EntityAlreadyExists', `User with name ${name} already exists.`);
}

export interface NewUser {
  name: string;
  path: string;
  boundaryArn?: string | undefined;
  tags?: readonly Tag[];
}

/** Creates the user with its tags and boundary in one transaction. The boundary ARN must be checked by the caller. */
export function createUser(db: Db, input: NewUser, now: Date): User {
  const id = newUniqueId('user');
  db.transaction(() => {
    assertNameFree(db, input.name);
    assertBelowQuota(db, 'UsersQuota');
    prepared(db, 'INSERT INTO iam_users (id, name, path, create_date, boundary_arn) VALUES (?, ?, ?, ?, ?)').run(
      id,
      input.name,
      input.path,
      isoSeconds(now),
      input.boundaryArn ?? null,
    );
    putTags(db, 'user', id, input.tags ?? []);
  })();
  return findUserById(db, id) as User;
}

export interface UserListRequest extends PageRequest {
  pathPrefix?: string | undefined;
}

/** Users ordered by name, one indexed range scan with LIMIT: cost does not grow with the account. */
export function listUsers(db: Db, request: UserListRequest): Page<User> {
  const after = request.marker ? decodeMarker(request.marker) : '';
  const prefix = request.pathPrefix ?? '/';
  const rows =
    prefix === '/'
      ? (prepared(db, `SELECT ${USER_COLUMNS} FROM iam_users WHERE name > ? ORDER BY name LIMIT ?`).all(after, request.maxItems + 1) as User[])
      : (prepared(db, `SELECT ${USER_COLUMNS} FROM iam_users WHERE name > @after AND substr(path, 1, length(@prefix)) = @prefix ORDER BY name LIMIT @limit`)
          .all({ after, prefix, limit: request.maxItems + 1 }) as User[]);
  return toPage(rows, request.maxItems, (user) => user.name);
}

export interface UserUpdate {
  newName?: string | undefined;
  newPath?: string | undefined;
}

export function updateUser(db: Db, name: string, update: UserUpdate): User {
  return db.transaction(() => {
    const user = requireUser(db, name);
    const newName = update.newName ?? user.name;
    if (update.newName !== undefined) assertNameFree(db, update.newName, user.id);
    const newPath = update.newPath ?? user.path;
    prepared(db, 'UPDATE iam_users SET name = ?, path = ? WHERE id = ?').run(newName, newPath, user.id);
    renameTrustedPrincipal(db, { type: 'user', path: user.path, name: user.name }, { path: newPath, name: newName });
    // Policies with ${aws:username} or ARNs naming the user now match differently.
    bumpPolicyState(db);
    return findUserById(db, user.id) as User;
  })();
}

/** A dependency that blocks DeleteUser, as AWS reports it. */
export type DeleteConflictCheck = (db: Db, userName: string) => { code: 'DeleteConflict'; message: string } | undefined;

/**
 * Deletes a user that has no dependencies left. `credentialConflict` reports credential dependencies
 * (keys, login profile, MFA, certificates, SSH keys) owned by the credentials area.
 */
export function deleteUser(db: Db, name: string, credentialConflict?: DeleteConflictCheck): void {
  db.transaction(() => {
    const user = requireUser(db, name);
    const credential = credentialConflict?.(db, user.name);
    if (credential) throw new IamError(credential.code, credential.message);
    const has = (sql: string) => prepared(db, sql).get(user.id) !== undefined;
    if (has("SELECT 1 FROM iam_inline_policies WHERE principal_type = 'user' AND principal_id = ? LIMIT 1")) {
      throw new IamError('DeleteConflict', 'Cannot delete entity, must delete policies first.');
    }
    if (has("SELECT 1 FROM iam_attachments WHERE principal_type = 'user' AND principal_id = ? LIMIT 1")) {
      throw new IamError('DeleteConflict', 'Cannot delete entity, must detach all policies first.');
    }
    if (has('SELECT 1 FROM iam_group_members WHERE user_id = ? LIMIT 1')) {
      throw new IamError('DeleteConflict', 'Cannot delete entity, must remove users from group first.');
    }
    prepared(db, 'DELETE FROM iam_users WHERE id = ?').run(user.id);
    dropTags(db, 'user', user.id);
    forgetTrustedPrincipal(db, { type: 'user', ...user });
    bumpPolicyState(db);
  })();
}

/** Sets (arn) or removes (null) the permissions boundary. The ARN must be checked by the caller. */
export function setUserBoundary(db: Db, name: string, boundaryArn: string | null): void {
  db.transaction(() => {
    const user = requireUser(db, name);
    prepared(db, 'UPDATE iam_users SET boundary_arn = ? WHERE id = ?').run(boundaryArn, user.id);
    bumpPolicyState(db);
  })();
}
