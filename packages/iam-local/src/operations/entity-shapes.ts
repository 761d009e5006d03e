// How users, groups, roles and managed policies appear in responses (element names as in the IAM API).
import type { Db } from '../model/db.ts';
import type { XmlValue } from '../protocol/operation.ts';
import { encodePolicyDocument } from '../protocol/params.ts';
import { userArn, type User } from '../model/users.ts';
import { groupArn, type Group } from '../model/groups.ts';
import { roleArn, type Role } from '../model/roles.ts';
import { attachmentCount, boundaryUsageCount, type ManagedPolicy } from '../model/managed-policies.ts';
import { listTags } from '../model/tags.ts';

type Shape = { [key: string]: XmlValue };

export function boundaryShape(arn: string | null): Shape | undefined {
  return arn ? { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: arn } : undefined;
}

/** Tags element, left out when there are none (as AWS does). */
export function tagsShape(db: Db, resourceType: string, id: string): XmlValue {
  const tags = listTags(db, resourceType, id);
  return tags.length > 0 ? tags : undefined;
}

function passwordLastUsed(db: Db, userId: string): Date | undefined {
  const when = db.prepare('SELECT last_used FROM iam_password_last_used WHERE user_id = ?').pluck().get(userId) as string | undefined;
  return when === undefined ? undefined : new Date(when);
}

/** User as in ListUsers; `detail` adds what GetUser/CreateUser return (boundary, tags, password last used). */
export function userShape(db: Db, accountId: string, user: User, detail = false): Shape {
  const base: Shape = { Path: user.path, UserName: user.name, UserId: user.id, Arn: userArn(accountId, user), CreateDate: new Date(user.createDate) };
  if (!detail) return base;
  return {
    ...base,
    PasswordLastUsed: passwordLastUsed(db, user.id),
    PermissionsBoundary: boundaryShape(user.boundaryArn),
    Tags: tagsShape(db, 'user', user.id),
  };
}

export function groupShape(accountId: string, group: Group): Shape {
  return { Path: group.path, GroupName: group.name, GroupId: group.id, Arn: groupArn(accountId, group), CreateDate: new Date(group.createDate) };
}

/** Role as in ListRoles; `detail` adds boundary, tags and RoleLastUsed (GetRole, CreateRole). */
export function roleShape(db: Db, accountId: string, role: Role, detail = false): Shape {
  const base: Shape = {
    Path: role.path,
    RoleName: role.name,
    RoleId: role.id,
    Arn: roleArn(accountId, role),
    CreateDate: new Date(role.createDate),
    AssumeRolePolicyDocument: encodePolicyDocument(role.assumeRolePolicy),
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
