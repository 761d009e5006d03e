// Instance profile operations (their tag operations are in tags.ts with the other taggable kinds).
import { operation, type OperationContext, type OperationDefinition, type QueryParams } from '../protocol/operation.ts';
import { INSTANCE_PROFILE_NAME, ROLE_NAME, pageRequest, requireString, tagsParam, validateAll } from '../protocol/params.ts';
import {
  addRoleToInstanceProfile,
  createInstanceProfile,
  deleteInstanceProfile,
  getInstanceProfile,
  listInstanceProfiles,
  listInstanceProfilesForRole,
  removeRoleFromInstanceProfile,
  type InstanceProfileWithRoles,
} from '../model/instance-profiles.ts';
import type { Page } from '../model/keyset-page.ts';
import { instanceProfileShape } from './entity-shapes.ts';
import { pathParam, pathPrefixParam } from './entity-params.ts';
import { instanceProfileTarget, listArn, newEntityArn, requestTagContext, roleTarget, type Context } from './targets.ts';

const profileName = (params: QueryParams) => requireString(params, 'InstanceProfileName', INSTANCE_PROFILE_NAME);
const roleName = (params: QueryParams) => requireString(params, 'RoleName', ROLE_NAME);

function listResult(page: Page<InstanceProfileWithRoles>, ctx: OperationContext) {
  return {
    InstanceProfiles: page.items.map((profile) => instanceProfileShape(ctx.state.db, ctx.state.accountId, profile, 'never')),
    IsTruncated: page.isTruncated,
    Marker: page.marker,
  };
}

/** The profile and the role it names: both parameters checked together, as AWS reports them. */
const profileAndRole = (params: QueryParams) => validateAll(
  () => profileName(params),
  () => roleName(params),
);

export const instanceProfileOperations: Record<string, OperationDefinition> = {
  CreateInstanceProfile: operation({
    service: 'iam',
    parse: (params) => validateAll(
      () => profileName(params),
      () => pathParam(params),
      () => tagsParam(params),
    ),
    authorize(params, ctx) {
      const resource = newEntityArn(ctx, 'instance-profile', params, 'InstanceProfileName');
      const tags: Context = requestTagContext(params);
      return [
        { action: 'iam:CreateInstanceProfile', resource, context: tags },
        ...(Object.keys(tags).length > 0 ? [{ action: 'iam:TagInstanceProfile', resource, context: tags }] : []),
      ];
    },
    handle([name, path, tags], ctx) {
      const profile = createInstanceProfile(ctx.state.db, { name, path, tags }, ctx.now);
      return { InstanceProfile: instanceProfileShape(ctx.state.db, ctx.state.accountId, profile, 'whenAny') };
    },
  }),

  GetInstanceProfile: operation({
    service: 'iam',
    parse: profileName,
    authorize: (params, ctx) => [instanceProfileTarget(ctx, 'iam:GetInstanceProfile', params)],
    handle(name, ctx) {
      return { InstanceProfile: instanceProfileShape(ctx.state.db, ctx.state.accountId, getInstanceProfile(ctx.state.db, name), 'always') };
    },
  }),

  ListInstanceProfiles: operation({
    service: 'iam',
    parse: (params) => validateAll(
      () => pathPrefixParam(params),
      () => pageRequest(params),
    ),
    authorize: (params, ctx) => [{ action: 'iam:ListInstanceProfiles', resource: listArn(ctx, 'instance-profile', params) }],
    handle([pathPrefix, page], ctx) {
      return listResult(listInstanceProfiles(ctx.state.db, { ...page, pathPrefix }), ctx);
    },
  }),

  ListInstanceProfilesForRole: operation({
    service: 'iam',
    parse: (params) => validateAll(
      () => roleName(params),
      () => pageRequest(params),
    ),
    authorize: (params, ctx) => [roleTarget(ctx, 'iam:ListInstanceProfilesForRole', params)],
    handle([name, page], ctx) {
      return listResult(listInstanceProfilesForRole(ctx.state.db, name, page), ctx);
    },
  }),

  // Adding a role hands it to whatever uses the profile, so IAM also wants iam:PassRole on the role (IAM User Guide,
  // "Troubleshooting Amazon EC2 and IAM": AccessDenied from AddRoleToInstanceProfile).
  AddRoleToInstanceProfile: operation({
    service: 'iam',
    parse: profileAndRole,
    authorize: (params, ctx) => [
      instanceProfileTarget(ctx, 'iam:AddRoleToInstanceProfile', params),
      roleTarget(ctx, 'iam:PassRole', params),
    ],
    handle([profile, role], ctx) {
      addRoleToInstanceProfile(ctx.state.db, profile, role);
      return undefined;
    },
  }),

  RemoveRoleFromInstanceProfile: operation({
    service: 'iam',
    parse: profileAndRole,
    authorize: (params, ctx) => [instanceProfileTarget(ctx, 'iam:RemoveRoleFromInstanceProfile', params)],
    handle([profile, role], ctx) {
      removeRoleFromInstanceProfile(ctx.state.db, profile, role);
      return undefined;
    },
  }),

  DeleteInstanceProfile: operation({
    service: 'iam',
    parse: profileName,
    authorize: (params, ctx) => [instanceProfileTarget(ctx, 'iam:DeleteInstanceProfile', params)],
    handle(name, ctx) {
      deleteInstanceProfile(ctx.state.db, name);
      return undefined;
    },
  }),
};
