// Attached and inline policies, tags and permissions boundaries are the same story for users, groups
// and roles, with different SDK commands; this table keeps one implementation for all three.
import {
  AttachGroupPolicyCommand, AttachRolePolicyCommand, AttachUserPolicyCommand,
  DeleteGroupPolicyCommand, DeleteRolePermissionsBoundaryCommand, DeleteRolePolicyCommand,
  DeleteUserPermissionsBoundaryCommand, DeleteUserPolicyCommand,
  DetachGroupPolicyCommand, DetachRolePolicyCommand, DetachUserPolicyCommand,
  GetGroupPolicyCommand, GetRolePolicyCommand, GetUserPolicyCommand,
  ListRoleTagsCommand, ListUserTagsCommand,
  PutGroupPolicyCommand, PutRolePermissionsBoundaryCommand, PutRolePolicyCommand,
  PutUserPermissionsBoundaryCommand, PutUserPolicyCommand,
  TagRoleCommand, TagUserCommand, UntagRoleCommand, UntagUserCommand,
  paginateListAttachedGroupPolicies, paginateListAttachedRolePolicies, paginateListAttachedUserPolicies,
  paginateListGroupPolicies, paginateListRolePolicies, paginateListUserPolicies,
} from '@aws-sdk/client-iam';
import type { AttachedPolicy, IAMClient, Tag } from '@aws-sdk/client-iam';
import type { AttachedPolicy as ApiAttachedPolicy, InlinePolicy as ApiInlinePolicy } from '@iam-console/api-contract/fields.ts';
import { collect, decodePolicy, fromTags, pager, toTags } from './shape.ts';
import type { ApiTag } from './shape.ts';

export type PrincipalKind = 'user' | 'group' | 'role';

interface PrincipalOps {
  listAttached(iam: IAMClient, name: string): Promise<AttachedPolicy[]>;
  attach(iam: IAMClient, name: string, policyArn: string): Promise<unknown>;
  detach(iam: IAMClient, name: string, policyArn: string): Promise<unknown>;
  listInlineNames(iam: IAMClient, name: string): Promise<string[]>;
  getInline(iam: IAMClient, name: string, policyName: string): Promise<string | undefined>;
  putInline(iam: IAMClient, name: string, policyName: string, document: string): Promise<unknown>;
  deleteInline(iam: IAMClient, name: string, policyName: string): Promise<unknown>;
}

const ops: Record<PrincipalKind, PrincipalOps> = {
  user: {
    listAttached: (iam, n) => collect(paginateListAttachedUserPolicies(pager(iam), { UserName: n }), (p) => p.AttachedPolicies),
    attach: (iam, n, arn) => iam.send(new AttachUserPolicyCommand({ UserName: n, PolicyArn: arn })),
    detach: (iam, n, arn) => iam.send(new DetachUserPolicyCommand({ UserName: n, PolicyArn: arn })),
    listInlineNames: (iam, n) => collect(paginateListUserPolicies(pager(iam), { UserName: n }), (p) => p.PolicyNames),
    getInline: async (iam, n, p) => (await iam.send(new GetUserPolicyCommand({ UserName: n, PolicyName: p }))).PolicyDocument,
    putInline: (iam, n, p, d) => iam.send(new PutUserPolicyCommand({ UserName: n, PolicyName: p, PolicyDocument: d })),
    deleteInline: (iam, n, p) => iam.send(new DeleteUserPolicyCommand({ UserName: n, PolicyName: p })),
  },
  group: {
    listAttached: (iam, n) => collect(paginateListAttachedGroupPolicies(pager(iam), { GroupName: n }), (p) => p.AttachedPolicies),
    attach: (iam, n, arn) => iam.send(new AttachGroupPolicyCommand({ GroupName: n, PolicyArn: arn })),
    detach: (iam, n, arn) => iam.send(new DetachGroupPolicyCommand({ GroupName: n, PolicyArn: arn })),
    listInlineNames: (iam, n) => collect(paginateListGroupPolicies(pager(iam), { GroupName: n }), (p) => p.PolicyNames),
    getInline: async (iam, n, p) => (await iam.send(new GetGroupPolicyCommand({ GroupName: n, PolicyName: p }))).PolicyDocument,
    putInline: (iam, n, p, d) => iam.send(new PutGroupPolicyCommand({ GroupName: n, PolicyName: p, PolicyDocument: d })),
    deleteInline: (iam, n, p) => iam.send(new DeleteGroupPolicyCommand({ GroupName: n, PolicyName: p })),
  },
  role: {
    listAttached: (iam, n) => collect(paginateListAttachedRolePolicies(pager(iam), { RoleName: n }), (p) => p.AttachedPolicies),
    attach: (iam, n, arn) => iam.send(new AttachRolePolicyCommand({ RoleName: n, PolicyArn: arn })),
    detach: (iam, n, arn) => iam.send(new DetachRolePolicyCommand({ RoleName: n, PolicyArn: arn })),
    listInlineNames: (iam, n) => collect(paginateListRolePolicies(pager(iam), { RoleName: n }), (p) => p.PolicyNames),
    getInline: async (iam, n, p) => (await iam.send(new GetRolePolicyCommand({ RoleName: n, PolicyName: p }))).PolicyDocument,
    putInline: (iam, n, p, d) => iam.send(new PutRolePolicyCommand({ RoleName: n, PolicyName: p, PolicyDocument: d })),
    deleteInline: (iam, n, p) => iam.send(new DeleteRolePolicyCommand({ RoleName: n, PolicyName: p })),
  },
};

export async function attachedPolicies(iam: IAMClient, kind: PrincipalKind, name: string): Promise<ApiAttachedPolicy[]> {
  const list = await ops[kind].listAttached(iam, name);
  return list.map((p) => ({ policyName: p.PolicyName ?? '', policyArn: p.PolicyArn ?? '' }));
}

export async function inlinePolicies(iam: IAMClient, kind: PrincipalKind, name: string): Promise<ApiInlinePolicy[]> {
  const names = await ops[kind].listInlineNames(iam, name);
  return Promise.all(names.map(async (policyName) => ({ policyName, document: decodePolicy(await ops[kind].getInline(iam, name, policyName)) })));
}

export const attachPolicy = (iam: IAMClient, kind: PrincipalKind, name: string, arn: string) => ops[kind].attach(iam, name, arn);
export const detachPolicy = (iam: IAMClient, kind: PrincipalKind, name: string, arn: string) => ops[kind].detach(iam, name, arn);
export const putInlinePolicy = (iam: IAMClient, kind: PrincipalKind, name: string, policyName: string, document: string) =>
  ops[kind].putInline(iam, name, policyName, document);
export const deleteInlinePolicy = (iam: IAMClient, kind: PrincipalKind, name: string, policyName: string) =>
  ops[kind].deleteInline(iam, name, policyName);

/** Detaches every managed policy and deletes every inline policy (the console's clean-up before a delete). */
export async function removeAllPolicies(iam: IAMClient, kind: PrincipalKind, name: string): Promise<void> {
  for (const p of await ops[kind].listAttached(iam, name)) await ops[kind].detach(iam, name, p.PolicyArn ?? '');
  for (const policyName of await ops[kind].listInlineNames(iam, name)) await ops[kind].deleteInline(iam, name, policyName);
}

// Tags and permissions boundaries exist on users and roles only.
export type TaggableKind = 'user' | 'role';

export async function listTags(iam: IAMClient, kind: TaggableKind, name: string): Promise<ApiTag[]> {
  const out = kind === 'user'
    ? await iam.send(new ListUserTagsCommand({ UserName: name }))
    : await iam.send(new ListRoleTagsCommand({ RoleName: name }));
  return fromTags(out.Tags);
}

/** Replaces the whole tag set: untag the keys that go away, then tag the new set. */
export async function replaceTags(iam: IAMClient, kind: TaggableKind, name: string, tags: ApiTag[]): Promise<ApiTag[]> {
  const current = await listTags(iam, kind, name);
  const keep = new Set(tags.map((t) => t.key));
  const remove = current.filter((t) => !keep.has(t.key)).map((t) => t.key);
  const next: Tag[] = toTags(tags);
  if (kind === 'user') {
    if (remove.length) await iam.send(new UntagUserCommand({ UserName: name, TagKeys: remove }));
    if (next.length) await iam.send(new TagUserCommand({ UserName: name, Tags: next }));
  } else {
    if (remove.length) await iam.send(new UntagRoleCommand({ RoleName: name, TagKeys: remove }));
    if (next.length) await iam.send(new TagRoleCommand({ RoleName: name, Tags: next }));
  }
  return listTags(iam, kind, name);
}

export const putBoundary = (iam: IAMClient, kind: TaggableKind, name: string, arn: string) =>
  kind === 'user'
    ? iam.send(new PutUserPermissionsBoundaryCommand({ UserName: name, PermissionsBoundary: arn }))
    : iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: name, PermissionsBoundary: arn }));

export const deleteBoundary = (iam: IAMClient, kind: TaggableKind, name: string) =>
  kind === 'user'
    ? iam.send(new DeleteUserPermissionsBoundaryCommand({ UserName: name }))
    : iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: name }));
