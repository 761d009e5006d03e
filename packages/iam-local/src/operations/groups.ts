// Group operations: CreateGroup, GetGroup (with members), ListGroups, UpdateGroup, DeleteGroup, membership.
import type { OperationDefinition } from '../protocol/operation.ts';
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

export const groupOperations: Record<string, OperationDefinition> = {
  CreateGroup: {
    service: 'iam',
    authorize: (params, ctx) => [{ action: 'iam:CreateGroup', resource: newEntityArn(ctx, 'group', params, 'GroupName') }],
    handle(params, ctx) {
      const [name, path] = validateAll(
        () => requireString(params, 'GroupName', GROUP_NAME),
        () => pathParam(params),
      );
      return { Group: groupShape(ctx.state.accountId, createGroup(ctx.state.db, { name, path }, ctx.now)) };
    },
  },

  GetGroup: {
    service: 'iam',
    authorize: (params, ctx) => [groupTarget(ctx, 'iam:GetGroup', params)],
    handle(params, ctx) {
      const [name, page] = validateAll(
        () => requireString(params, 'GroupName', GROUP_NAME),
        () => pageRequest(params),
      );
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
  },

  ListGroups: {
    service: 'iam',
    authorize: (params, ctx) => [{ action: 'iam:ListGroups', resource: listArn(ctx, 'group', params) }],
    handle(params, ctx) {
      const [pathPrefix, page] = validateAll(
        () => pathPrefixParam(params),
        () => pageRequest(params),
      );
      const result = listGroups(ctx.state.db, { ...page, pathPrefix });
      return {
        Groups: result.items.map((group) => groupShape(ctx.state.accountId, group)),
        IsTruncated: result.isTruncated,
        Marker: result.marker,
      };
    },
  },

  UpdateGroup: {
    service: 'iam',
    authorize: (params, ctx) => [groupTarget(ctx, 'iam:UpdateGroup', params)],
    handle(params, ctx) {
      const [name, newName, newPath] = validateAll(
        () => requireString(params, 'GroupName', GROUP_NAME),
        () => optionalString(params, 'NewGroupName', GROUP_NAME),
        () => (params.NewPath === undefined ? undefined : pathParam(params, 'NewPath')),
      );
      updateGroup(ctx.state.db, name, { newName, newPath });
      return undefined;
    },
  },

  DeleteGroup: {
    service: 'iam',
    authorize: (params, ctx) => [groupTarget(ctx, 'iam:DeleteGroup', params)],
    handle(params, ctx) {
      deleteGroup(ctx.state.db, requireString(params, 'GroupName', GROUP_NAME));
      return undefined;
    },
  },

  AddUserToGroup: {
    service: 'iam',
    authorize: (params, ctx) => [groupTarget(ctx, 'iam:AddUserToGroup', params)],
    handle(params, ctx) {
      const [group, user] = validateAll(
        () => requireString(params, 'GroupName', GROUP_NAME),
        () => requireString(params, 'UserName', USER_NAME),
      );
      addUserToGroup(ctx.state.db, group, user);
      return undefined;
    },
  },

  RemoveUserFromGroup: {
    service: 'iam',
    authorize: (params, ctx) => [groupTarget(ctx, 'iam:RemoveUserFromGroup', params)],
    handle(params, ctx) {
      const [group, user] = validateAll(
        () => requireString(params, 'GroupName', GROUP_NAME),
        () => requireString(params, 'UserName', USER_NAME),
      );
      removeUserFromGroup(ctx.state.db, group, user);
      return undefined;
    },
  },

  ListGroupsForUser: {
    service: 'iam',
    authorize: (params, ctx) => [userTarget(ctx, 'iam:ListGroupsForUser', params)],
    handle(params, ctx) {
      const name = requireString(params, 'UserName', USER_NAME);
      const user = requireUser(ctx.state.db, name);
      const page = paginate(groupsOfUser(ctx.state.db, user.id), params);
      return { Groups: page.items.map((group) => groupShape(ctx.state.accountId, group)), IsTruncated: page.IsTruncated, Marker: page.Marker };
    },
  },
};
