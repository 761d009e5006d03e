// Authorization targets of entity operations: the ARN of the entity the call touches (with its real path when it
// exists) and the request context keys IAM documents for the action. The operation's parse has checked the
// parameters by now; these stay lenient all the same, so an odd value only yields an ARN nobody's policy matches.
import type { OperationContext, QueryParams } from '../protocol/operation.ts';
import type { AuthorizationTarget } from '../auth/authorizer.ts';
import { listParam } from '../protocol/params.ts';
import { entityArn, type EntityType } from '../model/names.ts';
import { findUser } from '../model/users.ts';
import { findGroup } from '../model/groups.ts';
import { findRole } from '../model/roles.ts';
import { customerPolicyId } from '../model/managed-policies.ts';
import { tagMap } from '../model/tags.ts';
import { MFA_TAG_RESOURCE } from '../model/mfa.ts';
import { INSTANCE_PROFILE_TAG_RESOURCE, findInstanceProfile } from '../model/instance-profiles.ts';

export type Context = Record<string, string | string[]>;

function resourceTags(tags: Record<string, string>): Context {
  const context: Context = {};
  for (const [key, value] of Object.entries(tags)) context[`aws:ResourceTag/${key}`] = value;
  return context;
}

/** aws:RequestTag/<key> and aws:TagKeys of a `Tags.member.N` list (empty when there are none). */
export function requestTagContext(params: QueryParams, name = 'Tags'): Context {
  const members = safe(() => listParam(params, name), []);
  if (members.length === 0) return {};
  const context: Context = {};
  const keys: string[] = [];
  for (const member of members) {
    if (member.Key === undefined) continue;
    keys.push(member.Key);
    context[`aws:RequestTag/${member.Key}`] = member.Value ?? '';
  }
  context['aws:TagKeys'] = keys;
  return context;
}

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

const param = (params: QueryParams, name: string) => params[name] ?? '';

/** The user named by `UserName` (path and tags when it exists) plus iam:PermissionsBoundary when it has one. */
export function userTarget(ctx: OperationContext, action: string, params: QueryParams, extra: Context = {}): AuthorizationTarget {
  const name = param(params, 'UserName');
  const user = name ? findUser(ctx.state.db, name) : undefined;
  const context: Context = { ...extra };
  if (user) {
    Object.assign(context, resourceTags(tagMap(ctx.state.db, 'user', user.id)));
    if (user.boundaryArn && !('iam:PermissionsBoundary' in context)) context['iam:PermissionsBoundary'] = user.boundaryArn;
  }
  return { action, resource: entityArn(ctx.state.accountId, 'user', user?.path ?? '/', user?.name ?? name), context };
}

export function groupTarget(ctx: OperationContext, action: string, params: QueryParams, extra: Context = {}): AuthorizationTarget {
  const name = param(params, 'GroupName');
  const group = name ? findGroup(ctx.state.db, name) : undefined;
  return { action, resource: entityArn(ctx.state.accountId, 'group', group?.path ?? '/', group?.name ?? name), context: extra };
}

export function roleTarget(ctx: OperationContext, action: string, params: QueryParams, extra: Context = {}): AuthorizationTarget {
  const name = param(params, 'RoleName');
  const role = name ? findRole(ctx.state.db, name) : undefined;
  const context: Context = { ...extra };
  if (role) {
    Object.assign(context, resourceTags(tagMap(ctx.state.db, 'role', role.id)));
    if (role.boundaryArn && !('iam:PermissionsBoundary' in context)) context['iam:PermissionsBoundary'] = role.boundaryArn;
  }
  return { action, resource: entityArn(ctx.state.accountId, 'role', role?.path ?? '/', role?.name ?? name), context };
}

/** The instance profile named by `InstanceProfileName` (path and tags when it exists). */
export function instanceProfileTarget(ctx: OperationContext, action: string, params: QueryParams, extra: Context = {}): AuthorizationTarget {
  const name = param(params, 'InstanceProfileName');
  const profile = name ? findInstanceProfile(ctx.state.db, name) : undefined;
  const tags = profile ? tagMap(ctx.state.db, INSTANCE_PROFILE_TAG_RESOURCE, profile.id) : {};
  return {
    action,
    resource: entityArn(ctx.state.accountId, 'instance-profile', profile?.path ?? '/', profile?.name ?? name),
    context: { ...extra, ...resourceTags(tags) },
  };
}

/** A virtual MFA device named by `SerialNumber` (its ARN), with its tags when it exists. */
export function mfaDeviceTarget(ctx: OperationContext, action: string, params: QueryParams, extra: Context = {}): AuthorizationTarget {
  const serialNumber = param(params, 'SerialNumber');
  const tags = serialNumber ? tagMap(ctx.state.db, MFA_TAG_RESOURCE, serialNumber) : {};
  return { action, resource: serialNumber || '*', context: { ...extra, ...resourceTags(tags) } };
}

/** A managed policy named by `PolicyArn` (customer managed: with its tags). */
export function policyTarget(ctx: OperationContext, action: string, params: QueryParams, extra: Context = {}): AuthorizationTarget {
  const arn = param(params, 'PolicyArn');
  const id = customerPolicyId(ctx.state.db, arn);
  const context: Context = { ...extra, ...(id ? resourceTags(tagMap(ctx.state.db, 'policy', id)) : {}) };
  return { action, resource: arn || '*', context };
}

/** The entity to be created, from its Path and name parameters. */
export function newEntityArn(ctx: OperationContext, type: EntityType, params: QueryParams, nameParam: string): string {
  return entityArn(ctx.state.accountId, type, params.Path ?? '/', param(params, nameParam));
}

/** List operations authorize against the type's ARN prefix with the requested path: `arn:aws:iam::<acct>:user/`. */
export function listArn(ctx: OperationContext, type: EntityType, params: QueryParams): string {
  return `arn:aws:iam::${ctx.state.accountId}:${type}${params.PathPrefix ?? '/'}`;
}
