// Role operations: CreateRole, GetRole, ListRoles, UpdateRole, UpdateRoleDescription, UpdateAssumeRolePolicy,
// DeleteRole and the role's permissions boundary.
import type { OperationDefinition } from '../protocol/operation.ts';
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
import { createRole, deleteRole, listRoles, requireRole, setRoleBoundary, updateAssumeRolePolicy, updateRole } from '../model/roles.ts';
import { requireAttachablePolicy } from '../model/managed-policies.ts';
import { roleShape } from './entity-shapes.ts';
import { boundaryParam, documentParam, pathParam, pathPrefixParam, policyArnParam } from './entity-params.ts';
import { listArn, newEntityArn, requestTagContext, roleTarget, type Context } from './targets.ts';

export const roleOperations: Record<string, OperationDefinition> = {
  CreateRole: {
    service: 'iam',
    authorize(params, ctx) {
      const resource = newEntityArn(ctx, 'role', params, 'RoleName');
      const tags = requestTagContext(params);
      const boundary: Context = params.PermissionsBoundary ? { 'iam:PermissionsBoundary': params.PermissionsBoundary } : {};
      return [
        { action: 'iam:CreateRole', resource, context: { ...boundary, ...tags } },
        ...(Object.keys(tags).length > 0 ? [{ action: 'iam:TagRole', resource, context: tags }] : []),
      ];
    },
    handle(params, ctx) {
      const [name, path, assumeRolePolicy, description, maxSessionDuration, tags] = validateAll(
        () => requireString(params, 'RoleName', ROLE_NAME),
        () => pathParam(params),
        () => documentParam(params, 'AssumeRolePolicyDocument'),
        () => optionalString(params, 'Description', ROLE_DESCRIPTION),
        () => optionalInt(params, 'MaxSessionDuration', MAX_SESSION_DURATION),
        () => tagsParam(params),
      );
      const boundaryArn = boundaryParam(ctx.state.db, params);
      const role = createRole(ctx.state.db, { name, path, assumeRolePolicy, description, maxSessionDuration, boundaryArn, tags }, ctx.now);
      return { Role: roleShape(ctx.state.db, ctx.state.accountId, role, true) };
    },
  },

  GetRole: {
    service: 'iam',
    authorize: (params, ctx) => [roleTarget(ctx, 'iam:GetRole', params)],
    handle(params, ctx) {
      const role = requireRole(ctx.state.db, requireString(params, 'RoleName', ROLE_NAME));
      return { Role: roleShape(ctx.state.db, ctx.state.accountId, role, true) };
    },
  },

  ListRoles: {
    service: 'iam',
    authorize: (params, ctx) => [{ action: 'iam:ListRoles', resource: listArn(ctx, 'role', params) }],
    handle(params, ctx) {
      const [pathPrefix, page] = validateAll(
        () => pathPrefixParam(params),
        () => pageRequest(params),
      );
      const result = listRoles(ctx.state.db, { ...page, pathPrefix });
      return {
        Roles: result.items.map((role) => roleShape(ctx.state.db, ctx.state.accountId, role)),
        IsTruncated: result.isTruncated,
        Marker: result.marker,
      };
    },
  },

  UpdateRole: {
    service: 'iam',
    authorize: (params, ctx) => [roleTarget(ctx, 'iam:UpdateRole', params)],
    handle(params, ctx) {
      const [name, description, maxSessionDuration] = validateAll(
        () => requireString(params, 'RoleName', ROLE_NAME),
        () => optionalString(params, 'Description', ROLE_DESCRIPTION),
        () => optionalInt(params, 'MaxSessionDuration', MAX_SESSION_DURATION),
      );
      updateRole(ctx.state.db, name, { description, maxSessionDuration });
      return undefined;
    },
  },

  UpdateRoleDescription: {
    service: 'iam',
    authorize: (params, ctx) => [roleTarget(ctx, 'iam:UpdateRoleDescription', params)],
    handle(params, ctx) {
      const [name, description] = validateAll(
        () => requireString(params, 'RoleName', ROLE_NAME),
        () => requireString(params, 'Description', ROLE_DESCRIPTION),
      );
      return { Role: roleShape(ctx.state.db, ctx.state.accountId, updateRole(ctx.state.db, name, { description }), true) };
    },
  },

  UpdateAssumeRolePolicy: {
    service: 'iam',
    authorize: (params, ctx) => [roleTarget(ctx, 'iam:UpdateAssumeRolePolicy', params)],
    handle(params, ctx) {
      const [name, document] = validateAll(
        () => requireString(params, 'RoleName', ROLE_NAME),
        () => documentParam(params, 'PolicyDocument'),
      );
      updateAssumeRolePolicy(ctx.state.db, name, document);
      return undefined;
    },
  },

  DeleteRole: {
    service: 'iam',
    authorize: (params, ctx) => [roleTarget(ctx, 'iam:DeleteRole', params)],
    handle(params, ctx) {
      deleteRole(ctx.state.db, requireString(params, 'RoleName', ROLE_NAME));
      return undefined;
    },
  },

  PutRolePermissionsBoundary: {
    service: 'iam',
    authorize: (params, ctx) => [
      roleTarget(ctx, 'iam:PutRolePermissionsBoundary', params, { 'iam:PermissionsBoundary': params.PermissionsBoundary ?? '' }),
    ],
    handle(params, ctx) {
      const [name, arn] = validateAll(
        () => requireString(params, 'RoleName', ROLE_NAME),
        () => policyArnParam(params, 'PermissionsBoundary'),
      );
      requireRole(ctx.state.db, name);
      requireAttachablePolicy(ctx.state.db, arn);
      setRoleBoundary(ctx.state.db, name, arn);
      return undefined;
    },
  },

  DeleteRolePermissionsBoundary: {
    service: 'iam',
    authorize: (params, ctx) => [roleTarget(ctx, 'iam:DeleteRolePermissionsBoundary', params)],
    handle(params, ctx) {
      setRoleBoundary(ctx.state.db, requireString(params, 'RoleName', ROLE_NAME), null);
      return undefined;
    },
  },
};
