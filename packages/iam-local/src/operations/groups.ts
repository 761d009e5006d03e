// Group operations: CreateGroup, GetGroup (with members), ListGroups, UpdateGroup, DeleteGroup, membership.
import { operation, type OperationDefinition, type QueryParams } from '../protocol/operation.ts';
import { GROUP_NAME, USER_NAME, optionalString, pageRequest, paginate, requireString, validateAll } from '../protocol/params.ts';
import {
  addUserToGroup,
  createGroup,
  deleteGroup,
  groupsOfUser,
  listGroupMembers,
  listGroups,
  removeUserFromGroup,
  requireGroup,
  updateGroup,
} from '../model/groups.ts';
import { requireUser } from '../model/users.ts';
import { groupShape, passwordLastUsedOf, userShape } from './entity-shapes.ts';
import { pathParam, pathPrefixParam } from './entity-params.ts';
import { groupTarget, listArn, newEntityArn, userTarget } from './targets.ts';

const groupName = (params: QueryParams) => requireString(params, 'GroupName', GROUP_NAME);

const membership = (params: QueryParams) => validateAll(
  () => groupName(params),
  () => requireString(params, 'UserName', USER_NAME),
);

export const groupOperations: Record<string, OperationDefinition> = {
  CreateGroup: operation({
    service: 'iam',
    parse: (params) => validateAll(
      () => groupName(params),
      () => pathParam(params),
    ),
    authorize: (params, ctx) => [{ action: 'iam:CreateGroup', resource: newEntityArn(ctx, 'group', params, 'GroupName') }],
    handle([name, path], ctx) {
      return { Group: groupShape(ctx.state.accountId, createGroup(ctx.state.db, { name, path }, ctx.now)) };
    },
  }),

  GetGroup: operation({
    service: 'iam',
    parse: (params) => validateAll(
      () => groupName(params),
      () => pageRequest(params),
    ),
    authorize: (params, ctx) => [groupTarget(ctx, 'iam:GetGroup', params)],
    handle([name, page], ctx) {
      const group = requireGroup(ctx.state.db, name);
      const members = listGroupMembers(ctx.state.db, group.id, page);
      const lastUsed = passwordLastUsedOf(ctx.state.db, members.items.map((user) => user.id));
      return {
        Group: groupShape(ctx.state.accountId, group),
        Users: members.items.map((user) => userShape(ctx.state.db, ctx.state.accountId, user, { lastUsed })),
        IsTruncated: members.isTruncated,
        Marker: members.marker,
      };
    },
  }),

  ListGroups: operation({
    service: 'iam',
    parse: (params) => validateAll(
      () => pathPrefixParam(params),
      () => pageRequest(params),
    ),
    authorize: (params, ctx) => [{ action: 'iam:ListGroups', resource: listArn(ctx, 'group', params) }],
    handle([pathPrefix, page], ctx) {
      const result = listGroups(ctx.state.db, { ...page, pathPrefix });
      return {
        Groups: result.items.map((group) => groupShape(ctx.state.accountId, group)),
        IsTruncated: result.isTruncated,
        Marker: result.marker,
      };
    },
  }),

  UpdateGroup: operation({
    service: 'iam',
    parse: (params) => validateAll(
      () => groupName(params),
      () => optionalString(params, 'NewGroupName', GROUP_NAME),
      () => (params.NewPath === undefined ? undefined : pathParam(params, 'NewPath')),
    ),
    authorize: (params, ctx) => [groupTarget(ctx, 'iam:UpdateGroup', params)],
    handle([name, newName, newPath], ctx) {
      updateGroup(ctx.state.db, name, { newName, newPath });
      return undefined;
    },
  }),

  DeleteGroup: operation({
    service: 'iam',
    parse: groupName,
    authorize: (params, ctx) => [groupTarget(ctx, 'iam:DeleteGroup', params)],
    handle(name, ctx) {
      deleteGroup(ctx.state.db, name);
      return undefined;
    },
  }),

  AddUserToGroup: operation({
    service: 'iam',
    parse: membership,
    authorize: (params, ctx) => [groupTarget(ctx, 'iam:AddUserToGroup', params)],
    handle([group, user], ctx) {
      addUserToGroup(ctx.state.db, group, user);
      return undefined;
    },
  }),

  RemoveUserFromGroup: operation({
    service: 'iam',
    parse: membership,
    authorize: (params, ctx) => [groupTarget(ctx, 'iam:RemoveUserFromGroup', params)],
    handle([group, user], ctx) {
      removeUserFromGroup(ctx.state.db, group, user);
      return undefined;
    },
  }),

  ListGroupsForUser: operation({
    service: 'iam',
    parse: (params) => validateAll(
      () => requireString(params, 'UserName', USER_NAME),
      () => pageRequest(params),
    ),
    authorize: (params, ctx) => [userTarget(ctx, 'iam:ListGroupsForUser', params)],
    handle([name, pageRequested], ctx) {
      const user = requireUser(ctx.state.db, name);
      const page = paginate(groupsOfUser(ctx.state.db, user.id), pageRequested);
      return { Groups: page.items.map((group) => groupShape(ctx.state.accountId, group)), IsTruncated: page.IsTruncated, Marker: page.Marker };
    },
  }),
};
