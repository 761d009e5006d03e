// /api/roles: requests and answers.
import { z } from 'zod';
import {
  attachedPolicy, iamPath, inlinePolicy, isoDate, maxSessionDuration, permissionsBoundary, policyArn, policyDocument,
  roleDescription, roleName, tag, tagSet, unavailableSection,
} from './fields.ts';

export const roleSummary = z.strictObject({
  roleName: z.string(),
  roleId: z.string(),
  arn: z.string(),
  path: z.string(),
  createDate: isoDate,
  description: z.string().optional(),
  maxSessionDuration: z.number().int(),
  /** GetRole returns it, ListRoles does not: the list rarely has it. */
  roleLastUsed: z.strictObject({ lastUsedDate: isoDate.optional(), region: z.string().optional() }).optional(),
});
export type RoleSummary = z.infer<typeof roleSummary>;

export const roleDetail = z.strictObject({
  role: roleSummary.extend({
    /** Decoded JSON text. */
    assumeRolePolicyDocument: z.string(),
    tags: z.array(tag),
    permissionsBoundary: permissionsBoundary.optional(),
  }),
  attachedPolicies: z.array(attachedPolicy),
  inlinePolicies: z.array(inlinePolicy),
  /** The IAM console's switch-role link (account alias or id, role name with its path). */
  switchRoleUrl: z.url(),
  unavailable: z.array(unavailableSection),
});
export type RoleDetail = z.infer<typeof roleDetail>;

export const roleParams = z.object({ roleName });

export const createRoleRequest = z.object({
  roleName,
  path: iamPath.optional(),
  description: roleDescription.optional(),
  assumeRolePolicyDocument: policyDocument,
  maxSessionDuration: maxSessionDuration.optional(),
  managedPolicyArns: z.array(policyArn).max(20, 'Up to 20 managed policies per role').optional(),
  permissionsBoundaryArn: policyArn.optional(),
  tags: tagSet('role').optional(),
});
export type CreateRoleRequest = z.input<typeof createRoleRequest>;

export const roleAnswer = z.strictObject({ role: roleSummary });

export const updateRoleRequest = z
  .object({ description: roleDescription.optional(), maxSessionDuration: maxSessionDuration.optional() })
  .refine((change) => change.description !== undefined || change.maxSessionDuration !== undefined, 'Give description or maxSessionDuration');
export type UpdateRoleRequest = z.input<typeof updateRoleRequest>;

export const trustPolicyRequest = z.object({ document: policyDocument });
