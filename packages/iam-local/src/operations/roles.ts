// Role operations: CreateRole, GetRole, ListRoles, UpdateRole, UpdateRoleDescription, UpdateAssumeRolePolicy,
// DeleteRole and the role's permissions boundary.
import { operation, type OperationDefinition, type QueryParams } from '../protocol/operation.ts';
import {
  MAX_SESSION_DURATION,
  ROLE_DESCRIPTION,
  ROLE_NAME,
  optionalInt,
  optionalString,
  pageRequest,
  requireString,
  tagsParam,
  validateAll,
} from '../protocol/params.ts';
import { createRole, deleteRole, listRoles, requireModifiableRole, requireRole, setRoleBoundary, updateAssumeRolePolicy, updateRole } from '../model/roles.ts';
import { requireBoundaryPolicy } from '../model/managed-policies.ts';
import { createdRoleShape, describedRoleShape, roleShape } from './entity-shapes.ts';
import { boundaryParam, documentParam, pathParam, pathPrefixParam, policyArnParam } from './entity-params.ts';
import { listArn, newEntityArn, requestTagContext, roleTarget, type Context } from './targets.ts';

const roleName = (params: QueryParams) => requireString(params, 'RoleName', ROLE_NAME);

export const roleOperations: Record<string, OperationDefinition> = {
  CreateRole: operation({
    service: 'iam',
    parse(params) {
      const [name, path, assumeRolePolicy, description, maxSessionDuration, tags, boundaryArn] = validateAll(
        () => roleName(params),
        () => pathParam(params),
        () => documentParam(params, 'AssumeRolePolicyDocument'),
        () => optionalString(params, 'Description', ROLE_DESCRIPTION),
        () => optionalInt(params, 'MaxSessionDuration', MAX_SESSION_DURATION),
        () => tagsParam(params),
        () => boundaryParam(params),
      );
      return { name, path, assumeRolePolicy, description, maxSessionDuration, tags, boundaryArn };
    },
    authorize(params, ctx) {
      const resource = newEntityArn(ctx, 'role', params, 'RoleName');
      const tags = requestTagContext(params);
      const boundary: Context = params.PermissionsBoundary ? { 'iam:PermissionsBoundary': params.PermissionsBoundary } : {};
      return [
        { action: 'iam:CreateRole', resource, context: { ...boundary, ...tags } },
        ...(Object.keys(tags).length > 0 ? [{ action: 'iam:TagRole', resource, context: tags }] : []),
      ];
    },
    handle(input, ctx) {
      if (input.boundaryArn !== undefined) requireBoundaryPolicy(ctx.state.db, input.boundaryArn);
      const role = createRole(ctx.state.db, input, ctx.now);
      return { Role: createdRoleShape(ctx.state.db, ctx.state.accountId, role) };
    },
  }),

  GetRole: operation({
    service: 'iam',
    parse: roleName,
    authorize: (params, ctx) => [roleTarget(ctx, 'iam:GetRole', params)],
    handle(name, ctx) {
      return { Role: roleShape(ctx.state.db, ctx.state.accountId, requireRole(ctx.state.db, name), true) };
    },
  }),

  ListRoles: operation({
    service: 'iam',
    parse: (params) => validateAll(
      () => pathPrefixParam(params),
      () => pageRequest(params),
    ),
    authorize: (params, ctx) => [{ action: 'iam:ListRoles', resource: listArn(ctx, 'role', params) }],
    handle([pathPrefix, page], ctx) {
      const result = listRoles(ctx.state.db, { ...page, pathPrefix });
      return {
        Roles: result.items.map((role) => roleShape(ctx.state.db, ctx.state.accountId, role)),
        IsTruncated: result.isTruncated,
        Marker: result.marker,
      };
    },
  }),

  UpdateRole: operation({
    service: 'iam',
    parse: (params) => validateAll(
      () => roleName(params),
      () => optionalString(params, 'Description', ROLE_DESCRIPTION),
      () => optionalInt(params, 'MaxSessionDuration', MAX_SESSION_DURATION),
    ),
    authorize: (params, ctx) => [roleTarget(ctx, 'iam:UpdateRole', params)],
    handle([name, description, maxSessionDuration], ctx) {
      updateRole(ctx.state.db, name, { description, maxSessionDuration });
      return undefined;
    },
  }),

  UpdateRoleDescription: operation({
    service: 'iam',
    parse: (params) => validateAll(
      () => roleName(params),
      () => requireString(params, 'Description', ROLE_DESCRIPTION),
    ),
    authorize: (params, ctx) => [roleTarget(ctx, 'iam:UpdateRoleDescription', params)],
    handle([name, description], ctx) {
      return { Role: describedRoleShape(ctx.state.accountId, updateRole(ctx.state.db, name, { description })) };
    },
  }),

  UpdateAssumeRolePolicy: operation({
    service: 'iam',
    parse: (params) => validateAll(
      () => roleName(params),
      () => documentParam(params, 'PolicyDocument'),
    ),
    authorize: (params, ctx) => [roleTarget(ctx, 'iam:UpdateAssumeRolePolicy', params)],
    handle([name, document], ctx) {
      updateAssumeRolePolicy(ctx.state.db, name, document);
      return undefined;
    },
  }),

  DeleteRole: operation({
    service: 'iam',
    parse: roleName,
    authorize: (params, ctx) => [roleTarget(ctx, 'iam:DeleteRole', params)],
    handle(name, ctx) {
      deleteRole(ctx.state.db, name);
      return undefined;
    },
  }),

  PutRolePermissionsBoundary: operation({
    service: 'iam',
    parse: (params) => validateAll(
      () => roleName(params),
      () => policyArnParam(params, 'PermissionsBoundary'),
    ),
    authorize: (params, ctx) => [
      roleTarget(ctx, 'iam:PutRolePermissionsBoundary', params, { 'iam:PermissionsBoundary': params.PermissionsBoundary ?? '' }),
    ],
    handle([name, arn], ctx) {
      requireModifiableRole(ctx.state.db, name);
      requireBoundaryPolicy(ctx.state.db, arn);
      setRoleBoundary(ctx.state.db, name, arn);
      return undefined;
    },
  }),

  DeleteRolePermissionsBoundary: operation({
    service: 'iam',
    parse: roleName,
    authorize: (params, ctx) => [roleTarget(ctx, 'iam:DeleteRolePermissionsBoundary', params)],
    handle(name, ctx) {
      setRoleBoundary(ctx.state.db, name, null);
      return undefined;
    },
  }),
};
