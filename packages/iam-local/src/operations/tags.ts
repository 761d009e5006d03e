// Tag/Untag/List…Tags for users, roles and customer managed policies (the same three operations per type).
import type { AuthorizationTarget, OperationContext, OperationDefinition, QueryParams } from '../protocol/operation.ts';
import { ROLE_NAME, TAG_KEY, USER_NAME, paginate, requireString, stringListParam, tagsParam, validateAll } from '../protocol/params.ts';
import { listTags, putTags, removeTags } from '../model/tags.ts';
import { requireUser } from '../model/users.ts';
import { requireRole } from '../model/roles.ts';
import type { Db } from '../model/db.ts';
import { policyArnParam } from './entity-params.ts';
import { isAwsManagedArn } from '../model/aws-managed-policies.ts';
import { refuseAwsManagedChange, requireCustomerPolicyId, requirePolicy } from '../model/managed-policies.ts';
import { policyTarget, requestTagContext, roleTarget, userTarget, type Context } from './targets.ts';

interface TaggableKind {
  resourceType: 'user' | 'role' | 'policy';
  label: 'User' | 'Role' | 'Policy';
  /**
   * Reads and checks the identifying parameter, returns the resource's internal id (NoSuchEntity otherwise).
   * `change` names the action when the call would modify the resource.
   */
  resolve(db: Db, params: QueryParams, change?: { action: string; callerArn: string }): string;
  target(ctx: OperationContext, action: string, params: QueryParams, extra?: Context): AuthorizationTarget;
}

const KINDS: readonly TaggableKind[] = [
  { resourceType: 'user', label: 'User', resolve: (db, p) => requireUser(db, requireString(p, 'UserName', USER_NAME)).id, target: userTarget },
  { resourceType: 'role', label: 'Role', resolve: (db, p) => requireRole(db, requireString(p, 'RoleName', ROLE_NAME)).id, target: roleTarget },
  { resourceType: 'policy', label: 'Policy', resolve: resolvePolicy, target: policyTarget },
];

/** AWS managed policies carry no tags and nobody may tag them (refused as AWS refuses any change to them). */
function resolvePolicy(db: Db, params: QueryParams, change?: { action: string; callerArn: string }): string {
  const arn = policyArnParam(params);
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
    [`Tag${kind.label}`]: {
      service: 'iam',
      authorize: (params, ctx) => [kind.target(ctx, `iam:Tag${kind.label}`, params, requestTagContext(params))],
      handle(params, ctx) {
        const tags = tagsParam(params);
        const db = ctx.state.db;
        const change = { action: `iam:Tag${kind.label}`, callerArn: ctx.caller.arn };
        db.transaction(() => putTags(db, kind.resourceType, kind.resolve(db, params, change), tags))();
        return undefined;
      },
    },
    [`Untag${kind.label}`]: {
      service: 'iam',
      authorize: (params, ctx) => [kind.target(ctx, `iam:Untag${kind.label}`, params, tagKeyContext(params))],
      handle(params, ctx) {
        const [keys] = validateAll(() => stringListParam(params, 'TagKeys', { max: 50 }, TAG_KEY));
        const db = ctx.state.db;
        const change = { action: `iam:Untag${kind.label}`, callerArn: ctx.caller.arn };
        db.transaction(() => removeTags(db, kind.resourceType, kind.resolve(db, params, change), keys))();
        return undefined;
      },
    },
    [`List${kind.label}Tags`]: {
      service: 'iam',
      authorize: (params, ctx) => [kind.target(ctx, `iam:List${kind.label}Tags`, params)],
      handle(params, ctx) {
        const id = kind.resolve(ctx.state.db, params);
        const page = paginate(listTags(ctx.state.db, kind.resourceType, id), params);
        return { Tags: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
      },
    },
  };
}

export const tagOperations: Record<string, OperationDefinition> = Object.assign({}, ...KINDS.map(operationsFor));
