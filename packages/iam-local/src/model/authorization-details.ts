// GetAccountAuthorizationDetails: every user, group, role and used managed policy with their relationships, in
// one pass with a few queries per table (not per entity).
import type { Db } from './db.ts';
import { prepared } from './prepared.ts';
import { USER_COLUMNS, type User } from './users.ts';
import { GROUP_COLUMNS, type Group } from './groups.ts';
import { ROLE_COLUMNS, type Role } from './roles.ts';
import type { Tag } from './tags.ts';
import type { PrincipalType } from './names.ts';
import { listManagedPolicies, type PolicyWithCounts } from './policy-usage.ts';
import { listPolicyVersions, type PolicyVersion } from './managed-policies.ts';
import type { InlinePolicy } from './inline-policies.ts';

export type DetailFilter = 'User' | 'Role' | 'Group' | 'LocalManagedPolicy' | 'AWSManagedPolicy';

export interface PrincipalDetail {
  inline: InlinePolicy[];
  attachedArns: string[];
  tags: Tag[];
}

export type UserDetail = { kind: 'user'; user: User; groupNames: string[] } & PrincipalDetail;
export type GroupDetail = { kind: 'group'; group: Group } & PrincipalDetail;
export type RoleDetail = { kind: 'role'; role: Role } & PrincipalDetail;
export type PolicyDetail = { kind: 'policy'; policy: PolicyWithCounts; versions: PolicyVersion[] };
export type AuthorizationDetail = UserDetail | GroupDetail | RoleDetail | PolicyDetail;

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

const TABLE: Readonly<Record<PrincipalType, string>> = { user: 'iam_users', group: 'iam_groups', role: 'iam_roles' };

/** A slice [offset, offset + limit) of one kind's rows, by name. */
interface Slice {
  offset: number;
  limit: number;
}

/** Inline policies, attachments and tags of the principals in the slice, in three queries. */
function loadPrincipalParts(db: Db, type: PrincipalType, slice: Slice) {
  // The principals of the slice, as a subquery each part query filters on.
  const inSlice = `principal_id IN (SELECT id FROM ${TABLE[type]} ORDER BY name LIMIT @limit OFFSET @offset)`;
  const args = { type, limit: slice.limit, offset: slice.offset };
  const inline = groupBy(
    prepared(db, `SELECT principal_id AS owner, name, document FROM iam_inline_policies WHERE principal_type = @type AND ${inSlice} ORDER BY name`).all(
      args,
    ) as (InlinePolicy & { owner: string })[],
    (row) => row.owner,
  );
  const attached = groupBy(
    prepared(db, `SELECT principal_id AS owner, policy_arn AS arn FROM iam_attachments WHERE principal_type = @type AND ${inSlice} ORDER BY attached_seq`).all(
      args,
    ) as { owner: string; arn: string }[],
    (row) => row.owner,
  );
  const tags = groupBy(
    prepared(
      db,
      `SELECT resource_id AS owner, key AS Key, value AS Value FROM iam_tags
       WHERE resource_type = @type AND ${inSlice.replace('principal_id', 'resource_id')} ORDER BY seq`,
    ).all(args) as (Tag & { owner: string })[],
    (row) => row.owner,
  );
  return (id: string): PrincipalDetail => ({
    inline: (inline.get(id) ?? []).map(({ name, document }) => ({ name, document })),
    attachedArns: (attached.get(id) ?? []).map((row) => row.arn),
    tags: (tags.get(id) ?? []).map(({ Key, Value }) => ({ Key, Value })),
  });
}

function countOf(db: Db, type: PrincipalType): number {
  return prepared(db, `SELECT count(*) FROM ${TABLE[type]}`).pluck().get() as number;
}

function userDetails(db: Db, slice: Slice): UserDetail[] {
  const parts = loadPrincipalParts(db, 'user', slice);
  const memberships = groupBy(
    prepared(
      db,
      `SELECT m.user_id AS owner, g.name FROM iam_group_members m JOIN iam_groups g ON g.id = m.group_id
       WHERE m.user_id IN (SELECT id FROM iam_users ORDER BY name LIMIT @limit OFFSET @offset) ORDER BY g.name`,
    ).all(slice) as { owner: string; name: string }[],
    (row) => row.owner,
  );
  const users = prepared(db, `SELECT ${USER_COLUMNS} FROM iam_users ORDER BY name LIMIT @limit OFFSET @offset`).all(slice) as User[];
  return users.map((user) => ({ kind: 'user', user, groupNames: (memberships.get(user.id) ?? []).map((m) => m.name), ...parts(user.id) }));
}

function groupDetails(db: Db, slice: Slice): GroupDetail[] {
  const parts = loadPrincipalParts(db, 'group', slice);
  const groups = prepared(db, `SELECT ${GROUP_COLUMNS} FROM iam_groups ORDER BY name LIMIT @limit OFFSET @offset`).all(slice) as Group[];
  return groups.map((group) => ({ kind: 'group', group, ...parts(group.id) }));
}

function roleDetails(db: Db, slice: Slice): RoleDetail[] {
  const parts = loadPrincipalParts(db, 'role', slice);
  const roles = prepared(db, `SELECT ${ROLE_COLUMNS} FROM iam_roles ORDER BY name LIMIT @limit OFFSET @offset`).all(slice) as Role[];
  return roles.map((role) => ({ kind: 'role', role, ...parts(role.id) }));
}

/** Customer managed policies always; AWS managed ones only where used (attached or a boundary), as AWS lists them. */
function reportedPolicies(db: Db, local: boolean, aws: boolean): PolicyWithCounts[] {
  if (!local && !aws) return [];
  const scope = local && aws ? 'All' : local ? 'Local' : 'AWS';
  return listManagedPolicies(db, { scope }).filter((p) => !p.policy.awsManaged || p.attachments + p.boundaries > 0);
}

export interface DetailsPage {
  items: AuthorizationDetail[];
  /** Number of details in the whole listing (all pages). */
  total: number;
}

/**
 * The details the filter asks for (no filter = everything) in one listing — users, groups, roles, then managed
 * policies, each by name — of which only the window [offset, offset + limit) is loaded.
 */
export function authorizationDetails(db: Db, filter: readonly DetailFilter[], window: Slice = { offset: 0, limit: Number.MAX_SAFE_INTEGER }): DetailsPage {
  const wants = (f: DetailFilter) => filter.length === 0 || filter.includes(f);
  const items: AuthorizationDetail[] = [];
  let start = 0; // where the current kind starts in the whole listing
  const take = <T extends AuthorizationDetail>(count: number, load: (slice: Slice) => T[]) => {
    const from = Math.max(window.offset - start, 0);
    const room = window.limit - items.length;
    if (from < count && room > 0) items.push(...load({ offset: from, limit: Math.min(room, count - from) }));
    start += count;
  };
  if (wants('User')) take(countOf(db, 'user'), (slice) => userDetails(db, slice));
  if (wants('Group')) take(countOf(db, 'group'), (slice) => groupDetails(db, slice));
  if (wants('Role')) take(countOf(db, 'role'), (slice) => roleDetails(db, slice));
  const policies = reportedPolicies(db, wants('LocalManagedPolicy'), wants('AWSManagedPolicy'));
  take(policies.length, (slice) =>
    policies.slice(slice.offset, slice.offset + slice.limit).map((policy): PolicyDetail => ({ kind: 'policy', policy, versions: listPolicyVersions(db, policy.policy.arn) })),
  );
  return { items, total: start };
}
