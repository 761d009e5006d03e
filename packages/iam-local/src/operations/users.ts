// User operations: CreateUser, GetUser, ListUsers, UpdateUser, DeleteUser and the user's permissions boundary.
import { operation, type OperationDefinition, type QueryParams } from '../protocol/operation.ts';
import { IamError } from '../errors.ts';
import { USER_NAME, optionalString, pageRequest, requireString, tagsParam, validateAll } from '../protocol/params.ts';
import { createUser, deleteUser, findUser, listUsers, requireUser, setUserBoundary, updateUser } from '../model/users.ts';
import { credentialDeleteConflict } from '../model/credential-dependencies.ts';
import { getAccount } from '../model/account.ts';
import { passwordLastUsedOf, rootUserShape, userShape } from './entity-shapes.ts';
import { boundaryParam, pathParam, pathPrefixParam, policyArnParam } from './entity-params.ts';
import { listArn, newEntityArn, requestTagContext, userTarget, type Context } from './targets.ts';
import { requireBoundaryPolicy } from '../model/managed-policies.ts';

const userNameRequired = (params: QueryParams) => requireString(params, 'UserName', USER_NAME);

export const userOperations: Record<string, OperationDefinition> = {
  CreateUser: operation({
    service: 'iam',
    parse(params) {
      const [name, path, tags, boundaryArn] = validateAll(
        () => requireString(params, 'UserName', USER_NAME),
        () => pathParam(params),
        () => tagsParam(params),
        () => boundaryParam(params),
      );
      return { name, path, tags, boundaryArn };
    },
    authorize(params, ctx) {
      const resource = newEntityArn(ctx, 'user', params, 'UserName');
      const tags = requestTagContext(params);
      const boundary: Context = params.PermissionsBoundary ? { 'iam:PermissionsBoundary': params.PermissionsBoundary } : {};
      return [
        { action: 'iam:CreateUser', resource, context: { ...boundary, ...tags } },
        ...(Object.keys(tags).length > 0 ? [{ action: 'iam:TagUser', resource, context: tags }] : []),
      ];
    },
    handle(input, ctx) {
      if (input.boundaryArn !== undefined) requireBoundaryPolicy(ctx.state.db, input.boundaryArn);
      const user = createUser(ctx.state.db, input, ctx.now);
      return { User: userShape(ctx.state.db, ctx.state.accountId, user, { detail: true }) };
    },
  }),

  GetUser: operation({
    service: 'iam',
    parse: (params) => optionalString(params, 'UserName', USER_NAME),
    authorize(params, ctx) {
      if (params.UserName === undefined) return [{ action: 'iam:GetUser', resource: ctx.caller.arn }];
      return [userTarget(ctx, 'iam:GetUser', params)];
    },
    handle(userName, ctx) {
      const name = userName ?? ctx.caller.userName;
      if (name === undefined) {
        if (ctx.caller.kind !== 'root') throw new IamError('ValidationError', 'Must specify userName when calling with non-User credentials');
        const account = getAccount(ctx.state.db);
        return { User: rootUserShape(ctx.state.db, ctx.state.accountId, account?.createDate ?? ctx.now) };
      }
      return { User: userShape(ctx.state.db, ctx.state.accountId, requireUser(ctx.state.db, name), { detail: true }) };
    },
  }),

  ListUsers: operation({
    service: 'iam',
    parse: (params) => validateAll(
      () => pathPrefixParam(params),
      () => pageRequest(params),
    ),
    authorize: (params, ctx) => [{ action: 'iam:ListUsers', resource: listArn(ctx, 'user', params) }],
    handle([pathPrefix, page], ctx) {
      const result = listUsers(ctx.state.db, { ...page, pathPrefix });
      const lastUsed = passwordLastUsedOf(ctx.state.db, result.items.map((user) => user.id));
      return {
        Users: result.items.map((user) => userShape(ctx.state.db, ctx.state.accountId, user, { lastUsed })),
        IsTruncated: result.isTruncated,
        Marker: result.marker,
      };
    },
  }),

  UpdateUser: operation({
    service: 'iam',
    parse: (params) => validateAll(
      () => requireString(params, 'UserName', USER_NAME),
      () => optionalString(params, 'NewUserName', USER_NAME),
      () => (params.NewPath === undefined ? undefined : pathParam(params, 'NewPath')),
    ),
    authorize(params, ctx) {
      const target = userTarget(ctx, 'iam:UpdateUser', params);
      if (params.NewUserName === undefined && params.NewPath === undefined) return [target];
      // AWS also checks the caller may act on the user's new identity (new name and/or path).
      const current = findUser(ctx.state.db, params.UserName ?? '');
      const renamed = { UserName: params.NewUserName ?? params.UserName ?? '', Path: params.NewPath ?? current?.path ?? '/' };
      return [target, { action: 'iam:UpdateUser', resource: newEntityArn(ctx, 'user', renamed, 'UserName') }];
    },
    handle([name, newName, newPath], ctx) {
      updateUser(ctx.state.db, name, { newName, newPath });
      return undefined;
    },
  }),

  DeleteUser: operation({
    service: 'iam',
    parse: userNameRequired,
    authorize: (params, ctx) => [userTarget(ctx, 'iam:DeleteUser', params)],
    handle(name, ctx) {
      deleteUser(ctx.state.db, name, credentialDeleteConflict);
      return undefined;
    },
  }),

  PutUserPermissionsBoundary: operation({
    service: 'iam',
    parse: (params) => validateAll(
      () => requireString(params, 'UserName', USER_NAME),
      () => policyArnParam(params, 'PermissionsBoundary'),
    ),
    authorize: (params, ctx) => [
      userTarget(ctx, 'iam:PutUserPermissionsBoundary', params, { 'iam:PermissionsBoundary': params.PermissionsBoundary ?? '' }),
    ],
    handle([name, arn], ctx) {
      requireUser(ctx.state.db, name);
      requireBoundaryPolicy(ctx.state.db, arn);
      setUserBoundary(ctx.state.db, name, arn);
      return undefined;
    },
  }),

  DeleteUserPermissionsBoundary: operation({
    service: 'iam',
    parse: userNameRequired,
    authorize: (params, ctx) => [userTarget(ctx, 'iam:DeleteUserPermissionsBoundary', params)],
    handle(name, ctx) {
      setUserBoundary(ctx.state.db, name, null);
      return undefined;
    },
  }),
};
