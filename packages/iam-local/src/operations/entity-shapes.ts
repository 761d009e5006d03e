// How users, groups, roles and managed policies appear in responses (element names as in the IAM API).
import type { Db } from '../model/db.ts';
import type { XmlValue } from '../protocol/operation.ts';
import { encodePolicyDocument } from '../protocol/params.ts';
import { userArn, type User } from '../model/users.ts';
import { groupArn, type Group } from '../model/groups.ts';
import { roleArn, type Role } from '../model/roles.ts';
import { attachmentCount, boundaryUsageCount, type ManagedPolicy } from '../model/managed-policies.ts';
import { listTags } from '../model/tags.ts';
import { INSTANCE_PROFILE_TAG_RESOURCE, instanceProfileArn, type InstanceProfileWithRoles } from '../model/instance-profiles.ts';
import { prepared } from '../model/prepared.ts';

type Shape = { [key: string]: XmlValue };

/**
 * A permissions boundary as AWS answers it: type `Policy` (recorded GetRole/CreateRole answers, and the AWS CLI's
 * examples), although the API model's enum names `PermissionsBoundaryPolicy`.
 */
export function boundaryShape(arn: string | null): Shape | undefined {
  return arn ? { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: arn } : undefined;
}

/** Tags element, left out when there are none (as AWS does). */
export function tagsShape(db: Db, resourceType: string, id: string): XmlValue {
  const tags = listTags(db, resourceType, id);
  return tags.length > 0 ? tags : undefined;
}

/** PasswordLastUsed of many users in one query (ListUsers pages), keyed by user id. */
export function passwordLastUsedOf(db: Db, userIds: readonly string[]): Map<string, Date> {
  if (userIds.length === 1) {
    // GetUser: a primary-key lookup, without json_each's table-valued scan.
    const id = userIds[0] as string;
    const lastUsed = prepared(db, 'SELECT last_used FROM iam_password_last_used WHERE user_id = ?').pluck().get(id) as string | undefined;
    return lastUsed === undefined ? new Map() : new Map([[id, new Date(lastUsed)]]);
  }
  const rows = prepared(db, 'SELECT user_id, last_used FROM iam_password_last_used WHERE user_id IN (SELECT value FROM json_each(?))').all(
    JSON.stringify(userIds),
  ) as { user_id: string; last_used: string }[];
  return new Map(rows.map((row) => [row.user_id, new Date(row.last_used)]));
}

/** GetUser of the root user: no name or path, the account id as UserId. */
export function rootUserShape(db: Db, accountId: string, createDate: Date): Shape {
  const lastUsed = prepared(db, 'SELECT root_password_last_used FROM iam_account WHERE id = 1').pluck().get() as string | null | undefined;
  return {
    UserId: accountId,
    Arn: `arn:aws:iam::${accountId}:root`,
    CreateDate: createDate,
    PasswordLastUsed: lastUsed ? new Date(lastUsed) : undefined,
  };
}

/**
 * User as in ListUsers (pass `lastUsed` from passwordLastUsedOf for the page); `detail` adds what GetUser and
 * CreateUser return (boundary, tags).
 */
export function userShape(db: Db, accountId: string, user: User, options: { detail?: boolean; lastUsed?: Map<string, Date> } = {}): Shape {
  const lastUsed = options.lastUsed ?? (options.detail ? passwordLastUsedOf(db, [user.id]) : undefined);
  const base: Shape = {
    Path: user.path,
    UserName: user.name,
    UserId: user.id,
    Arn: userArn(accountId, user),
    CreateDate: new Date(user.createDate),
    PasswordLastUsed: lastUsed?.get(user.id),
  };
  if (!options.detail) return base;
  return { ...base, PermissionsBoundary: boundaryShape(user.boundaryArn), Tags: tagsShape(db, 'user', user.id) };
}

export function groupShape(accountId: string, group: Group): Shape {
  return { Path: group.path, GroupName: group.name, GroupId: group.id, Arn: groupArn(accountId, group), CreateDate: new Date(group.createDate) };
}

/** A role inside an instance profile: the members AWS returns there (no session duration, description or tags). */
function roleInProfileShape(accountId: string, role: Role): Shape {
  return {
    Path: role.path,
    RoleName: role.name,
    RoleId: role.id,
    Arn: roleArn(accountId, role),
    CreateDate: new Date(role.createDate),
    AssumeRolePolicyDocument: encodePolicyDocument(role.assumeRolePolicy),
  };
}

/**
 * Role as CreateRole (and CreateServiceLinkedRole) answers: no description, session duration or last use, as real
 * AWS answers (localstack's recorded snapshots, test_iam_roles: create-role-with-boundary was created with a
 * Description and answered without it).
 */
export function createdRoleShape(db: Db, accountId: string, role: Role): Shape {
  return { ...roleInProfileShape(accountId, role), PermissionsBoundary: boundaryShape(role.boundaryArn), Tags: tagsShape(db, 'role', role.id) };
}

/** Role as UpdateRoleDescription answers (AWS's recorded answer: the new description, no session duration). */
export function describedRoleShape(accountId: string, role: Role): Shape {
  return { ...roleInProfileShape(accountId, role), Description: role.description ?? undefined };
}

/** Role as in ListRoles; `detail` adds boundary, tags and RoleLastUsed (GetRole). */
export function roleShape(db: Db, accountId: string, role: Role, detail = false): Shape {
  const base: Shape = {
    ...roleInProfileShape(accountId, role),
    Description: role.description ?? undefined,
    MaxSessionDuration: role.maxSessionDuration,
  };
  if (!detail) return base;
  return {
    ...base,
    PermissionsBoundary: boundaryShape(role.boundaryArn),
    Tags: tagsShape(db, 'role', role.id),
    RoleLastUsed: role.lastUsedDate ? { LastUsedDate: new Date(role.lastUsedDate), Region: role.lastUsedRegion ?? undefined } : {},
  };
}

/**
 * Instance profile with its roles. `tags`: `always` (GetInstanceProfile answers `<Tags/>` even when there are none),
 * `whenAny` (CreateInstanceProfile), `never` (lists).
 */
export function instanceProfileShape(db: Db, accountId: string, profile: InstanceProfileWithRoles, tags: 'always' | 'whenAny' | 'never'): Shape {
  const shape: Shape = {
    Path: profile.path,
    InstanceProfileName: profile.name,
    InstanceProfileId: profile.id,
    Arn: instanceProfileArn(accountId, profile),
    CreateDate: new Date(profile.createDate),
    Roles: profile.roles.map((role) => roleInProfileShape(accountId, role)),
  };
  if (tags === 'always') shape.Tags = listTags(db, INSTANCE_PROFILE_TAG_RESOURCE, profile.id);
  if (tags === 'whenAny') shape.Tags = tagsShape(db, INSTANCE_PROFILE_TAG_RESOURCE, profile.id);
  return shape;
}

export interface PolicyCounts {
  attachments: number;
  boundaries: number;
}

/** Managed policy as in GetPolicy/ListPolicies; counts are looked up unless given (list pages pass them). */
export function policyShape(db: Db, policy: ManagedPolicy, options: { counts?: PolicyCounts; description?: boolean } = {}): Shape {
  const counts = options.counts ?? { attachments: attachmentCount(db, policy.arn), boundaries: boundaryUsageCount(db, policy.arn) };
  return {
    PolicyName: policy.name,
    PolicyId: policy.id,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersionId,
    AttachmentCount: counts.attachments,
    PermissionsBoundaryUsageCount: counts.boundaries,
    IsAttachable: true,
    Description: options.description ? (policy.description ?? undefined) : undefined,
    CreateDate: new Date(policy.createDate),
    UpdateDate: new Date(policy.updateDate),
  };
}
