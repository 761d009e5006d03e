// Tag/Untag/List…Tags for users, roles, customer managed policies, virtual MFA devices and instance profiles (the same
// three operations per type). OIDC/SAML providers and certificates do not exist here, so neither do their tag operations.
import { operation, type OperationContext, type OperationDefinition, type QueryParams } from '../protocol/operation.ts';
import type { AuthorizationTarget } from '../auth/authorizer.ts';
import { INSTANCE_PROFILE_NAME, ROLE_NAME, SERIAL_NUMBER, USER_NAME, pageRequest, paginate, requireString, stringListParam, tagKeysParam, tagsParam, validateAll } from '../protocol/params.ts';
import { listTags, putTags, removeTags } from '../model/tags.ts';
import { requireUser } from '../model/users.ts';
import { requireRole } from '../model/roles.ts';
import type { Db } from '../model/db.ts';
import { policyArnParam } from './entity-params.ts';
import { isAwsManagedArn } from '../model/aws-managed-policies.ts';
import { refuseAwsManagedChange, requireCustomerPolicyId, requirePolicy } from '../model/managed-policies.ts';
import { MFA_TAG_RESOURCE, requireVirtualMfaDevice } from '../model/mfa.ts';
import { INSTANCE_PROFILE_TAG_RESOURCE, requireInstanceProfile } from '../model/instance-profiles.ts';
import { instanceProfileTarget, mfaDeviceTarget, policyTarget, requestTagContext, roleTarget, userTarget, type Context } from './targets.ts';

interface TaggableKind {
  resourceType: 'user' | 'role' | 'policy' | typeof MFA_TAG_RESOURCE | typeof INSTANCE_PROFILE_TAG_RESOURCE;
  label: 'User' | 'Role' | 'Policy' | 'MFADevice' | 'InstanceProfile';
  /** Reads and checks the identifying parameter (name or ARN). */
  identifier(params: QueryParams): string;
  /**
   * The resource's internal id (NoSuchEntity otherwise). `change` names the action when the call would modify
   * the resource.
   */
  resolve(db: Db, identifier: string, change?: { action: string; callerArn: string }): string;
  target(ctx: OperationContext, action: string, params: QueryParams, extra?: Context): AuthorizationTarget;
}

const KINDS: readonly TaggableKind[] = [
  {
    resourceType: 'user',
    label: 'User',
    identifier: (params) => requireString(params, 'UserName', USER_NAME),
    resolve: (db, name) => requireUser(db, name).id,
    target: userTarget,
  },
  {
    resourceType: 'role',
    label: 'Role',
    identifier: (params) => requireString(params, 'RoleName', ROLE_NAME),
    resolve: (db, name) => requireRole(db, name).id,
    target: roleTarget,
  },
  { resourceType: 'policy', label: 'Policy', identifier: (params) => policyArnParam(params), resolve: resolvePolicy, target: policyTarget },
  {
    resourceType: MFA_TAG_RESOURCE,
    label: 'MFADevice',
    identifier: (params) => requireString(params, 'SerialNumber', SERIAL_NUMBER),
    resolve: requireVirtualMfaDevice,
    target: mfaDeviceTarget,
  },
  {
    resourceType: INSTANCE_PROFILE_TAG_RESOURCE,
    label: 'InstanceProfile',
    identifier: (params) => requireString(params, 'InstanceProfileName', INSTANCE_PROFILE_NAME),
    resolve: (db, name) => requireInstanceProfile(db, name).id,
    target: instanceProfileTarget,
  },
];

/** AWS managed policies carry no tags and nobody may tag them (refused as AWS refuses any change to them). */
function resolvePolicy(db: Db, arn: string, change?: { action: string; callerArn: string }): string {
  if (!isAwsManagedArn(arn)) return requireCustomerPolicyId(db, arn);
  requirePolicy(db, arn);
  if (change) refuseAwsManagedChange(arn, change.action, change.callerArn);
  return arn;
}

function tagKeyContext(params: QueryParams): Context {
  try {
    return { 'aws:TagKeys': stringListParam(params, 'TagKeys') };
  } catch {
    return {};
  }
}

function operationsFor(kind: TaggableKind): Record<string, OperationDefinition> {
  return {
    [`Tag${kind.label}`]: operation({
      service: 'iam',
      parse: (params) => validateAll(
        () => kind.identifier(params),
        () => tagsParam(params),
      ),
      authorize: (params, ctx) => [kind.target(ctx, `iam:Tag${kind.label}`, params, requestTagContext(params))],
      handle([identifier, tags], ctx) {
        const db = ctx.state.db;
        const change = { action: `iam:Tag${kind.label}`, callerArn: ctx.caller.arn };
        db.transaction(() => putTags(db, kind.resourceType, kind.resolve(db, identifier, change), tags))();
        return undefined;
      },
    }),
    [`Untag${kind.label}`]: operation({
      service: 'iam',
      parse: (params) => validateAll(
        () => kind.identifier(params),
        () => tagKeysParam(params),
      ),
      authorize: (params, ctx) => [kind.target(ctx, `iam:Untag${kind.label}`, params, tagKeyContext(params))],
      handle([identifier, keys], ctx) {
        const db = ctx.state.db;
        const change = { action: `iam:Untag${kind.label}`, callerArn: ctx.caller.arn };
        db.transaction(() => removeTags(db, kind.resourceType, kind.resolve(db, identifier, change), keys))();
        return undefined;
      },
    }),
    [`List${kind.label}Tags`]: operation({
      service: 'iam',
      parse: (params) => validateAll(
        () => kind.identifier(params),
        () => pageRequest(params),
      ),
      authorize: (params, ctx) => [kind.target(ctx, `iam:List${kind.label}Tags`, params)],
      handle([identifier, pageRequested], ctx) {
        const id = kind.resolve(ctx.state.db, identifier);
        const tags = listTags(ctx.state.db, kind.resourceType, id);
        // ListPolicyTags answers in key order, upper case first (AWS's recorded answer lists `A` before `a`).
        if (kind.resourceType === 'policy') tags.sort((a, b) => (a.Key < b.Key ? -1 : a.Key > b.Key ? 1 : 0));
        const page = paginate(tags, pageRequested);
        return { Tags: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
      },
    }),
  };
}

export const tagOperations: Record<string, OperationDefinition> = Object.assign({}, ...KINDS.map(operationsFor));
