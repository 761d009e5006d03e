// IAM groups and their membership. A user can be in at most 10 groups.
import type { Db } from './db.ts';
import { prepared } from './prepared.ts';
import { IamError } from '../errors.ts';
import { entityArn, isoSeconds, newUniqueId } from './names.ts';
import { decodeMarker, toPage, type Page, type PageRequest } from './keyset-page.ts';
import { bumpPolicyState } from './policy-state.ts';
import { requireUser, type User } from './users.ts';
import { assertBelowQuota } from './account-quotas.ts';

export const MAX_GROUPS_PER_USER = 10;

export interface Group {
  id: string;
  name: string;
  path: string;
  createDate: string;
}

/** SELECT list giving the group type's fields. */
export const GROUP_COLUMNS = 'id, name, path, create_date AS createDate';

export function groupArn(accountId: string, group: Pick<Group, 'path' | 'name'>): string {
  return entityArn(accountId, 'group', group.path, group.name);
}

export function findGroup(db: Db, name: string): Group | undefined {
  return prepared(db, `SELECT ${GROUP_COLUMNS} FROM iam_groups WHERE name = ?`).get(name) as Group | undefined;
}

export function requireGroup(db: Db, name: string): Group {
  const group = findGroup(db, name);
  if (!group) throw new IamError('NoSuchEntity', `The group with name ${name} cannot be found.`);
  return group;
}

function assertNameFree(db: Db, name: string, exceptId?: string): void {
  const clash = prepared(db, 'SELECT id FROM iam_groups WHERE name = ?').pluck().get(name) as string | undefined;
  if (clash !== undefined && clash !== exceptId) throw new IamError('EntityAlreadyExists', `Group with name ${name} already exists.`);
}

export function createGroup(db: Db, input: { name: string; path: string }, now: Date): Group {
  const id = newUniqueId('group');
  db.transaction(() => {
    assertNameFree(db, input.name);
    assertBelowQuota(db, 'GroupsQuota');
    prepared(db, 'INSERT INTO iam_groups (id, name, path, create_date) VALUES (?, ?, ?, ?)').run(id, input.name, input.path, isoSeconds(now));
  })();
  return prepared(db, `SELECT ${GROUP_COLUMNS} FROM iam_groups WHERE id = ?`).get(id) as Group;
}

export function listGroups(db: Db, request: PageRequest & { pathPrefix?: string | undefined }): Page<Group> {
  const after = request.marker ? decodeMarker(request.marker) : '';
  const rows = prepared(db, `SELECT ${GROUP_COLUMNS} FROM iam_groups WHERE name > @after AND substr(path, 1, length(@prefix)) = @prefix ORDER BY name LIMIT @limit`)
    .all({ after, prefix: request.pathPrefix ?? '/', limit: request.maxItems + 1 }) as Group[];
  return toPage(rows, request.maxItems, (group) => group.name);
}

export function updateGroup(db: Db, name: string, update: { newName?: string | undefined; newPath?: string | undefined }): Group {
  return db.transaction(() => {
    const group = requireGroup(db, name);
    if (update.newName !== undefined) assertNameFree(db, update.newName, group.id);
    prepared(db, 'UPDATE iam_groups SET name = ?, path = ? WHERE id = ?').run(update.newName ?? group.name, update.newPath ?? group.path, group.id);
    bumpPolicyState(db);
    return prepared(db, `SELECT ${GROUP_COLUMNS} FROM iam_groups WHERE id = ?`).get(group.id) as Group;
  })();
}

export function deleteGroup(db: Db, name: string): void {
  db.transaction(() => {
    const group = requireGroup(db, name);
    const has = (sql: string) => prepared(db, sql).get(group.id) !== undefined;
    if (has('SELECT 1 FROM iam_group_members WHERE group_id = ? LIMIT 1')) {
      throw new IamError('DeleteConflict', 'Cannot delete entity, must remove users from group first.');
    }
    if (has("SELECT 1 FROM iam_inline_policies WHERE principal_type = 'group' AND principal_id = ? LIMIT 1")) {
      throw new IamError('DeleteConflict', 'Cannot delete entity, must delete policies first.');
    }
    if (has("SELECT 1 FROM iam_attachments WHERE principal_type = 'group' AND principal_id = ? LIMIT 1")) {
      throw new IamError('DeleteConflict', 'Cannot delete entity, must detach all policies first.');
    }
    prepared(db, 'DELETE FROM iam_groups WHERE id = ?').run(group.id);
  })();
}

/** Adds a user to a group; adding a member again changes nothing, as in AWS. */
export function addUserToGroup(db: Db, groupName: string, userName: string): void {
  db.transaction(() => {
    const group = requireGroup(db, groupName);
    const user = requireUser(db, userName);
    const already = prepared(db, 'SELECT 1 FROM iam_group_members WHERE group_id = ? AND user_id = ?').get(group.id, user.id);
    if (already) return;
    const count = prepared(db, 'SELECT count(*) FROM iam_group_members WHERE user_id = ?').pluck().get(user.id) as number;
    if (count >= MAX_GROUPS_PER_USER) throw new IamError('LimitExceeded', `Cannot exceed quota for GroupsPerUser: ${MAX_GROUPS_PER_USER}`);
    const seq = prepared(db, 'SELECT coalesce(max(added_seq), 0) + 1 FROM iam_group_members').pluck().get() as number;
    prepared(db, 'INSERT INTO iam_group_members (group_id, user_id, added_seq, user_name) VALUES (?, ?, ?, ?)').run(group.id, user.id, seq, user.name);
    bumpPolicyState(db);
  })();
}

export function removeUserFromGroup(db: Db, groupName: string, userName: string): void {
  db.transaction(() => {
    const group = requireGroup(db, groupName);
    const user = requireUser(db, userName);
    const result = prepared(db, 'DELETE FROM iam_group_members WHERE group_id = ? AND user_id = ?').run(group.id, user.id);
    if (result.changes === 0) {
      throw new IamError('NoSuchEntity', `The user with name ${user.name} cannot be found.`);
    }
    bumpPolicyState(db);
  })();
}

/**
 * Members of a group ordered by name, paginated in SQL through the (group, user name) index: a page costs the same
 * whatever the size of the group.
 */
export function listGroupMembers(db: Db, groupId: string, request: PageRequest): Page<User> {
  const after = request.marker ? decodeMarker(request.marker) : '';
  const rows = prepared(db,
      `SELECT u.id, u.name, u.path, u.create_date AS createDate, u.boundary_arn AS boundaryArn
       FROM iam_group_members m JOIN iam_users u ON u.id = m.user_id
       WHERE m.group_id = ? AND m.user_name > ? ORDER BY m.user_name LIMIT ?`,
    )
    .all(groupId, after, request.maxItems + 1) as User[];
  return toPage(rows, request.maxItems, (user) => user.name);
}

/** Groups of a user (at most 10), ordered by name. */
export function groupsOfUser(db: Db, userId: string): Group[] {
  return prepared(db, 
      `SELECT g.id, g.name, g.path, g.create_date AS createDate
       FROM iam_group_members m JOIN iam_groups g ON g.id = m.group_id WHERE m.user_id = ? ORDER BY g.name`,
    )
    .all(userId) as Group[];
}
