// IAM roles: list, detail (trust policy decoded, last use, switch-role link), create (undone on failure), delete with clean-up.
import {
  CreateRoleCommand, DeleteRoleCommand, GetRoleCommand, RemoveRoleFromInstanceProfileCommand,
  UpdateAssumeRolePolicyCommand, UpdateRoleCommand, paginateListInstanceProfilesForRole, paginateListRoles,
} from '@aws-sdk/client-iam';
import type { IAMClient, Role } from '@aws-sdk/client-iam';
import { parseArn } from '@iam-console/api-contract/arn.ts';
import type { createRoleRequest } from '@iam-console/api-contract/roles.ts';
import type { z } from 'zod';
import { attachPolicy, attachedPolicies, detachPolicy, inlinePolicies, removeAllPolicies } from './principal-policies.ts';
import { collect, compact, decodePolicy, fromTags, iso, listOrEmpty, pager, section, toTags } from './shape.ts';
import type { ApiTag, Unavailable } from './shape.ts';
import { runSteps } from './steps.ts';
import { awsSwitchRoleUrl, roleNameWithPath } from '@iam-console/api-contract/switch-role-links.ts';

export const roleSummary = (r: Partial<Role>) =>
  compact({
    roleName: r.RoleName ?? '',
    roleId: r.RoleId ?? '',
    arn: r.Arn ?? '',
    path: r.Path ?? '/',
    createDate: iso(r.CreateDate) ?? '',
    description: r.Description || undefined,
    maxSessionDuration: r.MaxSessionDuration ?? 3600,
    roleLastUsed: r.RoleLastUsed?.LastUsedDate || r.RoleLastUsed?.Region
      ? compact({ lastUsedDate: iso(r.RoleLastUsed.LastUsedDate), region: r.RoleLastUsed.Region })
      : undefined,
  });

/** The IAM console's switch-role link (account id or alias, role name with its path). */
export function switchRoleUrl(role: Partial<Role>, accountAlias?: string | null): string {
  const account = accountAlias || parseArn(role.Arn ?? '')?.accountId || '';
  return awsSwitchRoleUrl({ account, roleName: roleNameWithPath(role.Path ?? '/', role.RoleName ?? ''), displayName: role.RoleName ?? '' });
}

export async function listRoles(iam: IAMClient) {
  return (await collect(paginateListRoles(pager(iam), {}), (p) => p.Roles)).map(roleSummary);
}

export async function getRoleDetail(iam: IAMClient, roleName: string, accountAlias?: string | null) {
  const role: Partial<Role> = (await iam.send(new GetRoleCommand({ RoleName: roleName }))).Role ?? {};
  const unavailable: Unavailable[] = [];
  const [attached, inline] = await Promise.all([
    section('attachedPolicies', [], () => attachedPolicies(iam, 'role', roleName), unavailable),
    section('inlinePolicies', [], () => inlinePolicies(iam, 'role', roleName), unavailable),
  ]);
  return {
    role: compact({
      ...roleSummary(role),
      assumeRolePolicyDocument: decodePolicy(role.AssumeRolePolicyDocument),
      tags: fromTags(role.Tags),
      permissionsBoundary: role.PermissionsBoundary
        ? { policyArn: role.PermissionsBoundary.PermissionsBoundaryArn ?? '', type: role.PermissionsBoundary.PermissionsBoundaryType ?? 'Policy' }
        : undefined,
    }),
    attachedPolicies: attached,
    inlinePolicies: inline,
    switchRoleUrl: switchRoleUrl(role, accountAlias),
    unavailable,
  };
}

/** POST /api/roles's body, as the contract parsed it. */
export type CreateRoleInput = z.infer<typeof createRoleRequest>;

export async function createRole(iam: IAMClient, input: CreateRoleInput) {
  const name = input.roleName;
  return runSteps(`Creating role ${name}`, async (step) => {
    const out = await step('Create role',
      () => iam.send(new CreateRoleCommand(compact({
        RoleName: name,
        Path: input.path,
        Description: input.description,
        AssumeRolePolicyDocument: input.assumeRolePolicyDocument,
        MaxSessionDuration: input.maxSessionDuration,
        PermissionsBoundary: input.permissionsBoundaryArn,
        Tags: input.tags?.length ? toTags(input.tags) : undefined,
      }))),
      () => iam.send(new DeleteRoleCommand({ RoleName: name })));
    for (const arn of input.managedPolicyArns ?? []) {
      await step(`Attach policy ${arn}`, () => attachPolicy(iam, 'role', name, arn), () => detachPolicy(iam, 'role', name, arn));
    }
    // CreateRole's answer leaves out Description and MaxSessionDuration (AWS's recorded answers do): what was asked for was set.
    return { role: roleSummary({ Description: input.description, MaxSessionDuration: input.maxSessionDuration, ...out.Role }) };
  });
}

export async function deleteRole(iam: IAMClient, roleName: string): Promise<void> {
  await runSteps(`Deleting role ${roleName}`, async (step) => {
    await step('Check the role exists', () => iam.send(new GetRoleCommand({ RoleName: roleName })));
    const profiles = await listOrEmpty(() => collect(paginateListInstanceProfilesForRole(pager(iam), { RoleName: roleName }), (p) => p.InstanceProfiles));
    for (const p of profiles) {
      await step(`Remove from instance profile ${p.InstanceProfileName}`,
        () => iam.send(new RemoveRoleFromInstanceProfileCommand({ RoleName: roleName, InstanceProfileName: p.InstanceProfileName ?? '' })));
    }
    await step('Remove policies', () => removeAllPolicies(iam, 'role', roleName));
    await step('Delete role', () => iam.send(new DeleteRoleCommand({ RoleName: roleName })));
  }, { undoable: false });
}

export async function updateRole(iam: IAMClient, roleName: string, change: { description?: string | undefined; maxSessionDuration?: number | undefined }) {
  await iam.send(new UpdateRoleCommand(compact({ RoleName: roleName, Description: change.description, MaxSessionDuration: change.maxSessionDuration })));
  const role: Partial<Role> = (await iam.send(new GetRoleCommand({ RoleName: roleName }))).Role ?? {};
  return { role: roleSummary(role) };
}

export const updateTrustPolicy = (iam: IAMClient, roleName: string, document: string) =>
  iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: roleName, PolicyDocument: document }));
