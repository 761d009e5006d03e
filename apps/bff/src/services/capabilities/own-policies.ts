// The signed-in principal's own identity policies and permissions boundary, read with its own credentials, for the
// policy engine to decide what IAM would let it do when IAM's simulator is not open to it. A user's come from itself
// and its groups; a role session's from its role (a session policy passed to AssumeRole cannot be read back).
import { GetPolicyCommand, GetRoleCommand, GetUserCommand, paginateListGroupsForUser } from '@aws-sdk/client-iam';
import type { AttachedPermissionsBoundary, IAMClient, Tag } from '@aws-sdk/client-iam';
import { compilePolicy } from '@iam-console/policy-engine/evaluate/evaluate.ts';
import type { CompiledPolicy, RequestPrincipal } from '@iam-console/policy-engine/evaluate/evaluate.ts';
import { buildArn, parseArn } from '@iam-console/api-contract/arn.ts';
import type { Identity } from '../../session/session-data.ts';
import { attachedPolicies, inlinePolicies } from '../principal-policies.ts';
import type { PrincipalKind } from '../principal-policies.ts';
import { getPolicyVersion } from '../policies.ts';
import { collect, pager } from '../shape.ts';

export interface OwnPolicies {
  principal: RequestPrincipal;
  policies: CompiledPolicy[];
}

interface Holder {
  kind: PrincipalKind;
  name: string;
}

const tagsOf = (tags: Tag[] | undefined) => Object.fromEntries((tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));

/** The managed policy's default version, as IAM evaluates it. */
async function managedDocument(iam: IAMClient, policyArn: string): Promise<string> {
  const { Policy: policy } = await iam.send(new GetPolicyCommand({ PolicyArn: policyArn }));
  return (await getPolicyVersion(iam, policyArn, policy?.DefaultVersionId ?? 'v1')).document;
}

async function identityPolicies(iam: IAMClient, holders: Holder[]): Promise<CompiledPolicy[]> {
  const managed = new Set<string>();
  const compiled: CompiledPolicy[] = [];
  for (const holder of holders) {
    for (const p of await attachedPolicies(iam, holder.kind, holder.name)) managed.add(p.policyArn);
    for (const p of await inlinePolicies(iam, holder.kind, holder.name)) {
      compiled.push(compilePolicy(p.document, { id: `${holder.kind}/${holder.name}/${p.policyName}`, type: 'identity', name: p.policyName }));
    }
  }
  for (const arn of managed) compiled.push(compilePolicy(await managedDocument(iam, arn), { id: arn, type: 'identity', name: arn }));
  return compiled;
}

async function boundary(iam: IAMClient, attached: AttachedPermissionsBoundary | undefined): Promise<CompiledPolicy[]> {
  const arn = attached?.PermissionsBoundaryArn;
  return arn ? [compilePolicy(await managedDocument(iam, arn), { id: arn, type: 'permissionsBoundary', name: arn })] : [];
}

/** Rejects with IAM's error when the caller may not read one of them (then nothing is known). */
export async function ownPolicies(iam: IAMClient, caller: Identity): Promise<OwnPolicies> {
  const base = { arn: caller.arn, accountId: caller.accountId, userId: caller.userId };
  if (caller.type === 'user') {
    const userName = caller.userName ?? parseArn(caller.arn)?.name ?? '';
    const { User: user } = await iam.send(new GetUserCommand({ UserName: userName }));
    const groups = await collect(paginateListGroupsForUser(pager(iam), { UserName: userName }), (p) => p.Groups);
    const holders: Holder[] = [{ kind: 'user', name: userName }, ...groups.map((g) => ({ kind: 'group' as const, name: g.GroupName ?? '' }))];
    return {
      principal: { ...base, userName, tags: tagsOf(user?.Tags) },
      policies: [...(await identityPolicies(iam, holders)), ...(await boundary(iam, user?.PermissionsBoundary))],
    };
  }
  const arn = parseArn(caller.arn);
  const roleName = caller.roleName ?? arn?.name ?? '';
  const { Role: role } = await iam.send(new GetRoleCommand({ RoleName: roleName }));
  const roleArn = role?.Arn ?? buildArn({ partition: arn?.partition, accountId: caller.accountId, resourceType: 'role', name: roleName });
  return {
    principal: { ...base, roleArn, tags: tagsOf(role?.Tags) },
    policies: [...(await identityPolicies(iam, [{ kind: 'role', name: roleName }])), ...(await boundary(iam, role?.PermissionsBoundary))],
  };
}
