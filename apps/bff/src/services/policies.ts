// Managed policies: list, detail with the default version's document (decoded) and attachments,
// versions, and the console-style delete (detach everywhere, delete old versions, then the policy).
import {
  CreatePolicyCommand, CreatePolicyVersionCommand, DeletePolicyCommand, DeletePolicyVersionCommand,
  GetPolicyCommand, GetPolicyVersionCommand, SetDefaultPolicyVersionCommand,
  paginateListEntitiesForPolicy, paginateListPolicies, paginateListPolicyVersions,
} from '@aws-sdk/client-iam';
import type { IAMClient, ListEntitiesForPolicyCommandOutput, Policy, PolicyScopeType } from '@aws-sdk/client-iam';
import { isAwsManagedPolicyArn } from '@iam-console/api-contract/arn.ts';
import { detachPolicy } from './principal-policies.ts';
import { collect, compact, decodePolicy, iso, pager, toTags } from './shape.ts';
import type { ApiTag } from './shape.ts';
import { runSteps } from './steps.ts';

export const policySummary = (p: Policy) =>
  compact({
    policyName: p.PolicyName ?? '',
    policyId: p.PolicyId ?? '',
    arn: p.Arn ?? '',
    path: p.Path ?? '/',
    defaultVersionId: p.DefaultVersionId ?? '',
    attachmentCount: p.AttachmentCount ?? 0,
    permissionsBoundaryUsageCount: p.PermissionsBoundaryUsageCount ?? 0,
    isAttachable: p.IsAttachable ?? true,
    description: p.Description || undefined,
    createDate: iso(p.CreateDate) ?? '',
    updateDate: iso(p.UpdateDate) ?? '',
    awsManaged: isAwsManagedPolicyArn(p.Arn ?? ''),
  });

export async function listPolicies(iam: IAMClient, scope: PolicyScopeType, onlyAttached: boolean) {
  const policies = await collect(paginateListPolicies(pager(iam), { Scope: scope, OnlyAttached: onlyAttached }), (p) => p.Policies);
  return policies.map(policySummary);
}

async function entities(iam: IAMClient, policyArn: string) {
  const pages: ListEntitiesForPolicyCommandOutput[] = [];
  for await (const page of paginateListEntitiesForPolicy(pager(iam), { PolicyArn: policyArn })) pages.push(page);
  return {
    users: pages.flatMap((p) => p.PolicyUsers ?? []).map((u) => ({ userName: u.UserName ?? '', userId: u.UserId ?? '' })),
    groups: pages.flatMap((p) => p.PolicyGroups ?? []).map((g) => ({ groupName: g.GroupName ?? '', groupId: g.GroupId ?? '' })),
    roles: pages.flatMap((p) => p.PolicyRoles ?? []).map((r) => ({ roleName: r.RoleName ?? '', roleId: r.RoleId ?? '' })),
  };
}

async function versions(iam: IAMClient, policyArn: string) {
  const list = await collect(paginateListPolicyVersions(pager(iam), { PolicyArn: policyArn }), (p) => p.Versions);
  return list.map((v) => ({ versionId: v.VersionId ?? '', isDefaultVersion: v.IsDefaultVersion ?? false, createDate: iso(v.CreateDate) ?? '' }));
}

export async function getPolicyVersion(iam: IAMClient, policyArn: string, versionId: string) {
  const { PolicyVersion: v } = await iam.send(new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: versionId }));
  return { versionId: v?.VersionId ?? versionId, isDefaultVersion: v?.IsDefaultVersion ?? false, createDate: iso(v?.CreateDate) ?? '', document: decodePolicy(v?.Document) };
}

export async function getPolicyDetail(iam: IAMClient, policyArn: string) {
  const { Policy: policy = {} } = await iam.send(new GetPolicyCommand({ PolicyArn: policyArn }));
  const [version, versionList, attached] = await Promise.all([
    getPolicyVersion(iam, policyArn, policy.DefaultVersionId ?? 'v1'),
    versions(iam, policyArn),
    entities(iam, policyArn),
  ]);
  return { policy: policySummary(policy), document: version.document, versions: versionList, entities: attached };
}

export async function createPolicy(iam: IAMClient, input: { policyName: string; path?: string | undefined; description?: string | undefined; document: string; tags?: ApiTag[] | undefined }) {
  const out = await iam.send(new CreatePolicyCommand(compact({
    PolicyName: input.policyName,
    Path: input.path,
    Description: input.description,
    PolicyDocument: input.document,
    Tags: input.tags?.length ? toTags(input.tags) : undefined,
  })));
  return { policy: policySummary(out.Policy ?? {}) };
}

export async function deletePolicy(iam: IAMClient, policyArn: string): Promise<void> {
  await runSteps(`Deleting policy ${policyArn}`, async (step) => {
    const attached = await step('List attachments', () => entities(iam, policyArn));
    for (const u of attached.users) await step(`Detach from user ${u.userName}`, () => detachPolicy(iam, 'user', u.userName, policyArn));
    for (const g of attached.groups) await step(`Detach from group ${g.groupName}`, () => detachPolicy(iam, 'group', g.groupName, policyArn));
    for (const r of attached.roles) await step(`Detach from role ${r.roleName}`, () => detachPolicy(iam, 'role', r.roleName, policyArn));
    for (const v of (await versions(iam, policyArn)).filter((x) => !x.isDefaultVersion)) {
      await step(`Delete version ${v.versionId}`, () => iam.send(new DeletePolicyVersionCommand({ PolicyArn: policyArn, VersionId: v.versionId })));
    }
    await step('Delete policy', () => iam.send(new DeletePolicyCommand({ PolicyArn: policyArn })));
  }, { undoable: false });
}

export async function createPolicyVersion(iam: IAMClient, policyArn: string, document: string, setAsDefault: boolean) {
  const { PolicyVersion: v } = await iam.send(new CreatePolicyVersionCommand({ PolicyArn: policyArn, PolicyDocument: document, SetAsDefault: setAsDefault }));
  return { versionId: v?.VersionId ?? '', isDefaultVersion: v?.IsDefaultVersion ?? setAsDefault, createDate: iso(v?.CreateDate) ?? '' };
}

export const setDefaultVersion = (iam: IAMClient, policyArn: string, versionId: string) =>
  iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: policyArn, VersionId: versionId }));
export const deletePolicyVersion = (iam: IAMClient, policyArn: string, versionId: string) =>
  iam.send(new DeletePolicyVersionCommand({ PolicyArn: policyArn, VersionId: versionId }));
