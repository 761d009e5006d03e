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

function loadPrincipalParts(db: Db, type: PrincipalType) {
  const inline = groupBy(
    prepared(db, 'SELECT principal_id AS owner, name, document FROM iam_inline_policies WHERE principal_type = ? ORDER BY name').all(type) as
      (InlinePolicy & { owner: string })[],
    (row) => row.owner,
  );
  const attached = groupBy(
    prepared(db, 'SELECT principal_id AS owner, policy_arn AS arn FROM iam_attachments WHERE principal_type = ? ORDER BY attached_seq').all(type) as {
      owner: string;
      arn: string;
    }[],
    (row) => row.owner,
  );
  const tags = groupBy(
    prepared(db, 'SELECT resource_id AS owner, key AS Key, value AS Value FROM iam_tags WHERE resource_type = ? ORDER BY seq').all(type) as
      (Tag & { owner: string })[],
    (row) => row.owner,
  );
  return (id: string): PrincipalDetail => ({
    inline: (inline.get(id) ?? []).map(({ name, document }) => ({ name, document })),
    attachedArns: (attached.get(id) ?? []).map((row) => row.arn),
    tags: (tags.get(id) ?? []).map(({ Key, Value }) => ({ Key, Value })),
  });
}

/** All details the filter asks for (no filter = everything), users, groups, roles then policies, each by name. */
export function authorizationDetails(db: Db, filter: readonly DetailFilter[]): AuthorizationDetail[] {
  const wants = (f: DetailFilter) => filter.length === 0 || filter.includes(f);
  const details: AuthorizationDetail[] = [];
  if (wants('User')) {
    const parts = loadPrincipalParts(db, 'user');
    const memberships = groupBy(
      prepared(db, 'SELECT m.user_id AS owner, g.name FROM iam_group_members m JOIN iam_groups g ON g.id = m.group_id ORDER BY g.name').all() as {
        owner: string;
        name: string;
      }[],
      (row) => row.owner,
    );
    const users = prepared(db, `SELECT ${USER_COLUMNS} FROM iam_users ORDER BY name`).all() as User[];
    for (const user of users) {
      details.push({ kind: 'user', user, groupNames: (memberships.get(user.id) ?? []).map((m) => m.name), ...parts(user.id) });
    }
  }
  if (wants('Group')) {
    const parts = loadPrincipalParts(db, 'group');
    const groups = prepared(db, `SELECT ${GROUP_COLUMNS} FROM iam_groups ORDER BY name`).all() as Group[];
    for (const group of groups) details.push({ kind: 'group', group, ...parts(group.id) });
  }
  if (wants('Role')) {
    const parts = loadPrincipalParts(db, 'role');
    const roles = prepared(db, `SELECT ${ROLE_COLUMNS} FROM iam_roles ORDER BY name`).all() as Role[];
    for (const role of roles) details.push({ kind: 'role', role, ...parts(role.id) });
  }
  const local = wants('LocalManagedPolicy');
  // AWS managed policies are listed only where used, as AWS does; customer managed ones always.
  const aws = wants('AWSManagedPolicy');
  if (local || aws) {
    const scope = local && aws ? 'All' : local ? 'Local' : 'AWS';
    for (const policy of listManagedPolicies(db, { scope })) {
      if (policy.policy.awsManaged && policy.attachments + policy.boundaries === 0) continue;
      details.push({ kind: 'policy', policy, versions: listPolicyVersions(db, policy.policy.arn) });
    }
  }
  return details;
}
