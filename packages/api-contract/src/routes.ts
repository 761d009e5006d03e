// Every /api route: what its path parameters, query and body must be, and what it answers. The BFF validates
// with these, the SPA's hooks are typed by them, the BFF's tests check every answer against them, and API.md's
// route list is checked against this table.
import { z } from 'zod';
import * as account from './account.ts';
import * as audit from './audit.ts';
import * as capabilities from './capabilities.ts';
import * as credentialReport from './credential-report.ts';
import * as deploymentCredentials from './deployment-credentials.ts';
import { attachedPolicy, inlinePolicy, list, tag } from './fields.ts';
import * as groups from './groups.ts';
import * as me from './me.ts';
import * as policies from './policies.ts';
import * as policySimulator from './policy-simulator.ts';
import * as principals from './principals.ts';
import * as roles from './roles.ts';
import * as session from './session.ts';
import * as switchRole from './switch-role.ts';
import * as users from './users.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Route {
  /** Path parameters, decoded (`:policyArn` travels URL-encoded). */
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The JSON answer; none means no body (204, or 201 where `status` says so). */
  answer?: z.ZodType;
  /** Success statuses; default 200 with an answer, 204 without. */
  status?: readonly number[];
  /** A download: the answer is a file (`Content-Disposition: attachment`) of one of these media types, not JSON. */
  file?: readonly string[];
}

const created = [201] as const;

type PolicyRouteKey<P extends string> =
  | `GET ${P}/attached-policies` | `POST ${P}/attached-policies` | `DELETE ${P}/attached-policies/:policyArn`
  | `GET ${P}/inline-policies` | `PUT ${P}/inline-policies/:policyName` | `DELETE ${P}/inline-policies/:policyName`;

/** Attached and inline policies of users, groups and roles. */
function principalPolicyRoutes<P extends string>(prefix: P, owner: z.ZodObject): Record<PolicyRouteKey<P>, Route> {
  const table: Record<string, Route> = {
    [`GET ${prefix}/attached-policies`]: { params: owner, answer: list(attachedPolicy) },
    [`POST ${prefix}/attached-policies`]: { params: owner, body: principals.attachPolicyRequest },
    [`DELETE ${prefix}/attached-policies/:policyArn`]: { params: owner.extend(principals.attachedPolicyParams.shape) },
    [`GET ${prefix}/inline-policies`]: { params: owner, answer: list(inlinePolicy) },
    [`PUT ${prefix}/inline-policies/:policyName`]: { params: owner.extend(principals.inlinePolicyParams.shape), body: principals.putInlinePolicyRequest },
    [`DELETE ${prefix}/inline-policies/:policyName`]: { params: owner.extend(principals.inlinePolicyParams.shape) },
  };
  return table as Record<PolicyRouteKey<P>, Route>;
}

type TaggableRouteKey<P extends string> =
  | `GET ${P}/tags` | `PUT ${P}/tags` | `PUT ${P}/permissions-boundary` | `DELETE ${P}/permissions-boundary`;

/** Tags and permissions boundary of users and roles. */
function taggableRoutes<P extends string>(prefix: P, owner: z.ZodObject, resource: 'user' | 'role'): Record<TaggableRouteKey<P>, Route> {
  const table: Record<string, Route> = {
    [`GET ${prefix}/tags`]: { params: owner, answer: list(tag) },
    [`PUT ${prefix}/tags`]: { params: owner, body: principals.replaceTagsRequest[resource], answer: list(tag) },
    [`PUT ${prefix}/permissions-boundary`]: { params: owner, body: principals.permissionsBoundaryRequest },
    [`DELETE ${prefix}/permissions-boundary`]: { params: owner },
  };
  return table as Record<TaggableRouteKey<P>, Route>;
}

export const routes = {
  'GET /api/session': { answer: session.session },
  'GET /api/session/demo-identities': { answer: list(session.demoIdentity) },
  'POST /api/session': { body: session.signInRequest, answer: session.signedInSession },
  'DELETE /api/session': {},
  'POST /api/session/mfa': { body: me.sessionMfaRequest, answer: session.signedInSession },
  'POST /api/session/sign-out-everywhere': {},
  'GET /api/session/capabilities': { answer: capabilities.capabilities },

  'GET /api/switch-role': { answer: switchRole.switchRoleContext },
  'POST /api/switch-role': { body: switchRole.switchRoleRequest, answer: session.signedInSession },
  'DELETE /api/switch-role': { answer: session.signedInSession },
  'GET /api/switch-role/roles': { answer: switchRole.assumableRoles },

  'GET /api/account': { answer: account.accountOverview },
  'PUT /api/account/alias': { body: account.aliasRequest },
  'DELETE /api/account/alias': {},
  'GET /api/account/password-policy': { answer: account.passwordPolicyAnswer },
  'PUT /api/account/password-policy': { body: account.passwordPolicyRequest, answer: account.passwordPolicyAnswer },
  'DELETE /api/account/password-policy': {},
  'GET /api/account/security-recommendations': { answer: list(account.recommendation) },

  'GET /api/me/security-credentials': { answer: me.securityCredentials },
  'POST /api/me/access-keys': { body: me.createOwnAccessKeyRequest, answer: me.createdOwnAccessKey, status: created },
  'PATCH /api/me/access-keys/:accessKeyId': { params: me.ownAccessKeyParams, body: me.updateOwnAccessKeyRequest, answer: me.updateOwnAccessKeyAnswer },
  'DELETE /api/me/access-keys/:accessKeyId': { params: me.ownAccessKeyParams },
  'POST /api/me/mfa-devices/virtual': { body: me.createVirtualMfaDeviceRequest, answer: me.createdVirtualMfaDevice, status: created },
  'DELETE /api/me/mfa-devices/virtual/:serialNumber': { params: me.ownMfaDeviceParams },
  'POST /api/me/mfa-devices': { body: me.enableMfaDeviceRequest },
  'POST /api/me/mfa-devices/:serialNumber/resync': { params: me.ownMfaDeviceParams, body: me.resyncMfaDeviceRequest },
  'DELETE /api/me/mfa-devices/:serialNumber': { params: me.ownMfaDeviceParams, answer: me.removeMfaDeviceAnswer },
  'PUT /api/me/password': { body: me.changePasswordRequest },

  'POST /api/deployment-credentials/users': { body: deploymentCredentials.createDeploymentUserRequest, answer: deploymentCredentials.createdDeploymentUser, status: created },
  'POST /api/deployment-credentials/roles': { body: deploymentCredentials.createDeploymentRoleRequest, answer: deploymentCredentials.createdDeploymentRole, status: created },
  'POST /api/deployment-credentials/check': { body: deploymentCredentials.checkDeploymentCredentialsRequest, answer: deploymentCredentials.checkedIdentity },

  'GET /api/users': { answer: list(users.userSummary) },
  'POST /api/users': { body: users.createUserRequest, answer: users.createUserAnswer, status: created },
  'GET /api/users/:userName': { params: users.userParams, answer: users.userDetail },
  'PATCH /api/users/:userName': { params: users.userParams, body: users.updateUserRequest, answer: users.userAnswer },
  'DELETE /api/users/:userName': { params: users.userParams },
  'POST /api/users/:userName/groups': { params: users.userParams, body: users.groupMembershipRequest },
  'DELETE /api/users/:userName/groups/:groupName': { params: users.userGroupParams },
  'PUT /api/users/:userName/login-profile': { params: users.userParams, body: users.loginProfileRequest, status: [201, 204] },
  'DELETE /api/users/:userName/login-profile': { params: users.userParams },
  'POST /api/users/:userName/access-keys': { params: users.userParams, answer: users.createdAccessKey, status: created },
  'PATCH /api/users/:userName/access-keys/:accessKeyId': { params: users.accessKeyParams, body: users.updateAccessKeyRequest },
  'DELETE /api/users/:userName/access-keys/:accessKeyId': { params: users.accessKeyParams },
  'DELETE /api/users/:userName/mfa-devices/:serialNumber': { params: users.mfaDeviceParams },
  ...principalPolicyRoutes('/api/users/:userName', users.userParams),
  ...taggableRoutes('/api/users/:userName', users.userParams, 'user'),

  'GET /api/groups': { query: groups.listGroupsQuery, answer: list(groups.groupSummary) },
  'POST /api/groups': { body: groups.createGroupRequest, answer: groups.groupAnswer, status: created },
  'GET /api/groups/:groupName': { params: groups.groupParams, answer: groups.groupDetail },
  'PATCH /api/groups/:groupName': { params: groups.groupParams, body: groups.updateGroupRequest, answer: groups.groupAnswer },
  'DELETE /api/groups/:groupName': { params: groups.groupParams },
  'POST /api/groups/:groupName/users': { params: groups.groupParams, body: groups.groupMemberRequest },
  'DELETE /api/groups/:groupName/users/:userName': { params: groups.groupMemberParams },
  ...principalPolicyRoutes('/api/groups/:groupName', groups.groupParams),

  'GET /api/roles': { answer: list(roles.roleSummary) },
  'POST /api/roles': { body: roles.createRoleRequest, answer: roles.roleAnswer, status: created },
  'GET /api/roles/:roleName': { params: roles.roleParams, answer: roles.roleDetail },
  'PATCH /api/roles/:roleName': { params: roles.roleParams, body: roles.updateRoleRequest, answer: roles.roleAnswer },
  'PUT /api/roles/:roleName/trust-policy': { params: roles.roleParams, body: roles.trustPolicyRequest },
  'DELETE /api/roles/:roleName': { params: roles.roleParams },
  ...principalPolicyRoutes('/api/roles/:roleName', roles.roleParams),
  ...taggableRoutes('/api/roles/:roleName', roles.roleParams, 'role'),

  'GET /api/policies': { query: policies.listPoliciesQuery, answer: list(policies.policySummary) },
  'POST /api/policies': { body: policies.createPolicyRequest, answer: policies.policyAnswer, status: created },
  'GET /api/policies/:policyArn': { params: policies.policyParams, answer: policies.policyDetail },
  'DELETE /api/policies/:policyArn': { params: policies.policyParams },
  'POST /api/policies/:policyArn/versions': { params: policies.policyParams, body: policies.createPolicyVersionRequest, answer: policies.policyVersionSummary, status: created },
  'GET /api/policies/:policyArn/versions/:versionId': { params: policies.policyVersionParams, answer: policies.policyVersion },
  'PUT /api/policies/:policyArn/default-version': { params: policies.policyParams, body: policies.setDefaultVersionRequest },
  'DELETE /api/policies/:policyArn/versions/:versionId': { params: policies.policyVersionParams },

  'POST /api/policy-simulator': { body: policySimulator.simulationRequest, answer: policySimulator.simulationAnswer },

  'POST /api/credential-report': { answer: credentialReport.generateReportAnswer },
  'GET /api/credential-report': { answer: credentialReport.credentialReportAnswer },
  'GET /api/credential-report/download': { file: ['text/csv'] },
  'GET /api/authorization-details/download': { file: ['application/json'] },
  'GET /api/audit-log': { query: audit.auditQuery, answer: audit.auditPage },
  'GET /api/audit-log/download': { query: audit.auditDownloadQuery, file: ['text/csv', 'application/json'] },
  'GET /api/audit-bundle': { file: ['application/zip'] },
} satisfies Record<`${Method} /api${string}`, Route>;

export type RouteKey = keyof typeof routes;

/** The answer type of a route: `Answer<'GET /api/users'>`. */
export type Answer<K extends RouteKey> = (typeof routes)[K] extends { answer: infer S extends z.ZodType } ? z.infer<S> : undefined;

/** The request body a client sends: `RequestBody<'POST /api/users'>` (defaults may be left out). */
export type RequestBody<K extends RouteKey> = (typeof routes)[K] extends { body: infer S extends z.ZodType } ? z.input<S> : undefined;
