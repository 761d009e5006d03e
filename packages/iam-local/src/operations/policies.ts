// Managed policy operations (CreatePolicy … ListEntitiesForPolicy) and the inline/attached policy operations of
// users, groups and roles, which are the same six operations per principal type.
import { operation, type OperationDefinition, type QueryParams, type OperationContext } from '../protocol/operation.ts';
import type { AuthorizationTarget } from '../auth/authorizer.ts';
import {
  GROUP_NAME,
  POLICY_DESCRIPTION,
  POLICY_NAME,
  POLICY_VERSION_ID,
  ROLE_NAME,
  USER_NAME,
  encodePolicyDocument,
  optionalBoolean,
  optionalString,
  pageRequest,
  paginate,
  requireString,
  tagsParam,
  validateAll,
  type StringRule,
} from '../protocol/params.ts';
import {
  createPolicy,
  createPolicyVersion,
  deletePolicy,
  deletePolicyVersion,
  getPolicyVersion,
  listPolicyVersions,
  requirePolicy,
  setDefaultPolicyVersion,
} from '../model/managed-policies.ts';
import { entitiesForPolicy, listManagedPolicies, type PolicyScope, type PolicyUsage } from '../model/policy-usage.ts';
import { deleteInlinePolicy, getInlinePolicy, listInlinePolicyNames, putInlinePolicy, type PolicyOwner } from '../model/inline-policies.ts';
import { attachPolicy, attachedPolicies, detachPolicy } from '../model/attachments.ts';
import type { PrincipalType } from '../model/names.ts';
import { requireUser } from '../model/users.ts';
import { requireGroup } from '../model/groups.ts';
import { requireModifiableRole, requireRole } from '../model/roles.ts';
import type { Db } from '../model/db.ts';
import { listTags } from '../model/tags.ts';
import { policyShape, tagsShape } from './entity-shapes.ts';
import { documentParam, pathParam, pathPrefixParam, policyArnParam } from './entity-params.ts';
import { groupTarget, listArn, newEntityArn, policyTarget, requestTagContext, roleTarget, userTarget } from './targets.ts';

const SCOPES = ['All', 'AWS', 'Local'] as const;
const USAGES = ['PermissionsPolicy', 'PermissionsBoundary'] as const;
const ENTITY_FILTERS = ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'] as const;

function versionParam(params: QueryParams): string {
  return requireString(params, 'VersionId', POLICY_VERSION_ID);
}

const arnAndVersion = (params: QueryParams) => validateAll(
  () => policyArnParam(params),
  () => versionParam(params),
);

const arnAndPage = (params: QueryParams) => validateAll(
  () => policyArnParam(params),
  () => pageRequest(params),
);

const managedPolicyOperations: Record<string, OperationDefinition> = {
  CreatePolicy: operation({
    service: 'iam',
    parse(params) {
      const [name, path, document, description, tags] = validateAll(
        () => requireString(params, 'PolicyName', POLICY_NAME),
        () => pathParam(params),
        () => documentParam(params),
        () => optionalString(params, 'Description', POLICY_DESCRIPTION),
        () => tagsParam(params),
      );
      return { name, path, document, description, tags };
    },
    authorize(params, ctx) {
      const resource = newEntityArn(ctx, 'policy', params, 'PolicyName');
      const tags = requestTagContext(params);
      return [
        { action: 'iam:CreatePolicy', resource, context: tags },
        ...(Object.keys(tags).length > 0 ? [{ action: 'iam:TagPolicy', resource, context: tags }] : []),
      ];
    },
    handle(input, ctx) {
      const policy = createPolicy(ctx.state.db, ctx.state.accountId, input, ctx.now);
      return { Policy: { ...policyShape(ctx.state.db, policy), Tags: tagsShape(ctx.state.db, 'policy', policy.id) } };
    },
  }),

  GetPolicy: operation({
    service: 'iam',
    parse: (params) => policyArnParam(params),
    authorize: (params, ctx) => [policyTarget(ctx, 'iam:GetPolicy', params)],
    handle(arn, ctx) {
      const policy = requirePolicy(ctx.state.db, arn);
      return { Policy: { ...policyShape(ctx.state.db, policy, { description: true }), Tags: policy.awsManaged ? [] : listTags(ctx.state.db, 'policy', policy.id) } };
    },
  }),

  ListPolicies: operation({
    service: 'iam',
    parse: (params) => validateAll(
      () => optionalString(params, 'Scope', { oneOf: SCOPES }) as PolicyScope | undefined,
      () => optionalBoolean(params, 'OnlyAttached'),
      () => pathPrefixParam(params),
      () => optionalString(params, 'PolicyUsageFilter', { oneOf: USAGES }) as PolicyUsage | undefined,
      () => pageRequest(params),
    ),
    authorize: (params, ctx) => [{ action: 'iam:ListPolicies', resource: listArn(ctx, 'policy', params) }],
    handle([scope, onlyAttached, pathPrefix, usage, pageRequested], ctx) {
      const page = paginate(listManagedPolicies(ctx.state.db, { scope, onlyAttached, pathPrefix, usage }), pageRequested);
      return {
        Policies: page.items.map((p) => policyShape(ctx.state.db, p.policy, { counts: p })),
        IsTruncated: page.IsTruncated,
        Marker: page.Marker,
      };
    },
  }),

  DeletePolicy: operation({
    service: 'iam',
    parse: (params) => policyArnParam(params),
    authorize: (params, ctx) => [policyTarget(ctx, 'iam:DeletePolicy', params)],
    handle(arn, ctx) {
      deletePolicy(ctx.state.db, arn, ctx.caller.arn);
      return undefined;
    },
  }),

  CreatePolicyVersion: operation({
    service: 'iam',
    parse: (params) => validateAll(
      () => policyArnParam(params),
      () => documentParam(params),
      () => optionalBoolean(params, 'SetAsDefault'),
    ),
    authorize: (params, ctx) => [policyTarget(ctx, 'iam:CreatePolicyVersion', params)],
    handle([arn, document, setAsDefault], ctx) {
      const version = createPolicyVersion(ctx.state.db, arn, document, setAsDefault ?? false, ctx.now, ctx.caller.arn);
      return { PolicyVersion: { VersionId: version.versionId, IsDefaultVersion: version.isDefault, CreateDate: new Date(version.createDate) } };
    },
  }),

  GetPolicyVersion: operation({
    service: 'iam',
    parse: arnAndVersion,
    authorize: (params, ctx) => [policyTarget(ctx, 'iam:GetPolicyVersion', params)],
    handle([arn, id], ctx) {
      requirePolicy(ctx.state.db, arn);
      const version = getPolicyVersion(ctx.state.db, arn, id);
      return {
        PolicyVersion: {
          Document: encodePolicyDocument(version.document),
          VersionId: version.versionId,
          IsDefaultVersion: version.isDefault,
          CreateDate: new Date(version.createDate),
        },
      };
    },
  }),

  ListPolicyVersions: operation({
    service: 'iam',
    parse: arnAndPage,
    authorize: (params, ctx) => [policyTarget(ctx, 'iam:ListPolicyVersions', params)],
    handle([arn, pageRequested], ctx) {
      const page = paginate(listPolicyVersions(ctx.state.db, arn), pageRequested);
      return {
        Versions: page.items.map((v) => ({ VersionId: v.versionId, IsDefaultVersion: v.isDefault, CreateDate: new Date(v.createDate) })),
        IsTruncated: page.IsTruncated,
        Marker: page.Marker,
      };
    },
  }),

  DeletePolicyVersion: operation({
    service: 'iam',
    parse: arnAndVersion,
    authorize: (params, ctx) => [policyTarget(ctx, 'iam:DeletePolicyVersion', params)],
    handle([arn, id], ctx) {
      deletePolicyVersion(ctx.state.db, arn, id, ctx.caller.arn);
      return undefined;
    },
  }),

  SetDefaultPolicyVersion: operation({
    service: 'iam',
    parse: arnAndVersion,
    authorize: (params, ctx) => [policyTarget(ctx, 'iam:SetDefaultPolicyVersion', params)],
    handle([arn, id], ctx) {
      setDefaultPolicyVersion(ctx.state.db, arn, id, ctx.now, ctx.caller.arn);
      return undefined;
    },
  }),

  ListEntitiesForPolicy: operation({
    service: 'iam',
    parse: (params) => validateAll(
      () => policyArnParam(params),
      () => optionalString(params, 'EntityFilter', { oneOf: ENTITY_FILTERS }),
      () => pathPrefixParam(params),
      () => optionalString(params, 'PolicyUsageFilter', { oneOf: USAGES }) as PolicyUsage | undefined,
      () => pageRequest(params),
    ),
    authorize: (params, ctx) => [policyTarget(ctx, 'iam:ListEntitiesForPolicy', params)],
    handle([arn, filter, pathPrefix, usage, pageRequested], ctx) {
      requirePolicy(ctx.state.db, arn);
      const types: PrincipalType[] =
        filter === undefined ? ['group', 'user', 'role'] : filter === 'User' ? ['user'] : filter === 'Group' ? ['group'] : filter === 'Role' ? ['role'] : [];
      const entities = entitiesForPolicy(ctx.state.db, arn, types, usage).filter((e) => e.path.startsWith(pathPrefix ?? '/'));
      const page = paginate(entities, pageRequested);
      const of = (type: PrincipalType) => page.items.filter((e) => e.type === type);
      return {
        PolicyGroups: of('group').map((e) => ({ GroupName: e.name, GroupId: e.id })),
        PolicyUsers: of('user').map((e) => ({ UserName: e.name, UserId: e.id })),
        PolicyRoles: of('role').map((e) => ({ RoleName: e.name, RoleId: e.id })),
        IsTruncated: page.IsTruncated,
        Marker: page.Marker,
      };
    },
  }),
};

// ---- the same policy operations for users, groups and roles ---------------------------------------------------

interface PrincipalKind {
  type: PrincipalType;
  /** `User`, `Group`, `Role` as in operation and parameter names. */
  label: 'User' | 'Group' | 'Role';
  nameRule: StringRule;
  resolve(db: Db, name: string): { id: string; name: string };
  /** resolve for a call that changes the principal's policies (service-linked roles refuse those). */
  resolveForChange?(db: Db, name: string): { id: string; name: string };
  target(ctx: OperationContext, action: string, params: QueryParams, extra?: Record<string, string | string[]>): AuthorizationTarget;
}

const KINDS: readonly PrincipalKind[] = [
  { type: 'user', label: 'User', nameRule: USER_NAME, resolve: requireUser, target: userTarget },
  { type: 'group', label: 'Group', nameRule: GROUP_NAME, resolve: requireGroup, target: groupTarget },
  { type: 'role', label: 'Role', nameRule: ROLE_NAME, resolve: requireRole, resolveForChange: requireModifiableRole, target: roleTarget },
];

function principalPolicyOperations(kind: PrincipalKind): Record<string, OperationDefinition> {
  const nameParam = `${kind.label}Name`;
  const principalName = (params: QueryParams) => requireString(params, nameParam, kind.nameRule);
  const owner = (ctx: OperationContext, name: string, change = false): PolicyOwner => {
    const principal = (change && kind.resolveForChange ? kind.resolveForChange : kind.resolve)(ctx.state.db, name);
    return { type: kind.type, id: principal.id, name: principal.name };
  };
  const nameAndPolicyName = (params: QueryParams) => validateAll(
    () => principalName(params),
    () => requireString(params, 'PolicyName', POLICY_NAME),
  );
  const nameAndPolicyArn = (params: QueryParams) => validateAll(
    () => principalName(params),
    () => policyArnParam(params),
  );
  const authorizeAs = (action: string) => (params: QueryParams, ctx: OperationContext) => [kind.target(ctx, `iam:${action}`, params)];
  const authorizeWithPolicy = (action: string) => (params: QueryParams, ctx: OperationContext) => [
    kind.target(ctx, `iam:${action}`, params, { 'iam:PolicyARN': params.PolicyArn ?? '' }),
  ];

  return {
    [`Put${kind.label}Policy`]: operation({
      service: 'iam',
      parse: (params) => validateAll(
        () => principalName(params),
        () => requireString(params, 'PolicyName', POLICY_NAME),
        () => documentParam(params),
      ),
      authorize: authorizeAs(`Put${kind.label}Policy`),
      handle([name, policyName, document], ctx) {
        putInlinePolicy(ctx.state.db, owner(ctx, name, true), policyName, document);
        return undefined;
      },
    }),
    [`Get${kind.label}Policy`]: operation({
      service: 'iam',
      parse: nameAndPolicyName,
      authorize: authorizeAs(`Get${kind.label}Policy`),
      handle([name, policyName], ctx) {
        const principal = owner(ctx, name);
        const policy = getInlinePolicy(ctx.state.db, principal, policyName);
        return { [nameParam]: principal.name, PolicyName: policy.name, PolicyDocument: encodePolicyDocument(policy.document) };
      },
    }),
    [`Delete${kind.label}Policy`]: operation({
      service: 'iam',
      parse: nameAndPolicyName,
      authorize: authorizeAs(`Delete${kind.label}Policy`),
      handle([name, policyName], ctx) {
        deleteInlinePolicy(ctx.state.db, owner(ctx, name, true), policyName);
        return undefined;
      },
    }),
    [`List${kind.label}Policies`]: operation({
      service: 'iam',
      parse: (params) => validateAll(
        () => principalName(params),
        () => pageRequest(params),
      ),
      authorize: authorizeAs(`List${kind.label}Policies`),
      handle([name, pageRequested], ctx) {
        const page = listInlinePolicyNames(ctx.state.db, owner(ctx, name), pageRequested);
        return { PolicyNames: page.items, IsTruncated: page.isTruncated, Marker: page.marker };
      },
    }),
    [`Attach${kind.label}Policy`]: operation({
      service: 'iam',
      parse: nameAndPolicyArn,
      authorize: authorizeWithPolicy(`Attach${kind.label}Policy`),
      handle([name, arn], ctx) {
        attachPolicy(ctx.state.db, owner(ctx, name, true), arn);
        return undefined;
      },
    }),
    [`Detach${kind.label}Policy`]: operation({
      service: 'iam',
      parse: nameAndPolicyArn,
      authorize: authorizeWithPolicy(`Detach${kind.label}Policy`),
      handle([name, arn], ctx) {
        detachPolicy(ctx.state.db, owner(ctx, name, true), arn);
        return undefined;
      },
    }),
    [`ListAttached${kind.label}Policies`]: operation({
      service: 'iam',
      parse: (params) => validateAll(
        () => principalName(params),
        () => pathPrefixParam(params),
        () => pageRequest(params),
      ),
      authorize: authorizeAs(`ListAttached${kind.label}Policies`),
      handle([name, pathPrefix, pageRequested], ctx) {
        const page = paginate(attachedPolicies(ctx.state.db, owner(ctx, name), pathPrefix), pageRequested);
        return { AttachedPolicies: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
      },
    }),
  };
}

export const policyOperations: Record<string, OperationDefinition> = Object.assign(
  {},
  managedPolicyOperations,
  ...KINDS.map(principalPolicyOperations),
);

