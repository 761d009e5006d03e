// /api/policies: managed policies and their versions. ARNs in paths are URL-encoded.
import { z } from 'zod';
import { iamPath, isoDate, policyArn, policyDescription, policyDocument, policyName, policyVersionId, tagSet } from './fields.ts';

export const policySummary = z.strictObject({
  policyName: z.string(),
  policyId: z.string(),
  arn: z.string(),
  path: z.string(),
  defaultVersionId: z.string(),
  attachmentCount: z.number().int().min(0),
  permissionsBoundaryUsageCount: z.number().int().min(0),
  isAttachable: z.boolean(),
  description: z.string().optional(),
  createDate: isoDate,
  updateDate: isoDate,
  awsManaged: z.boolean(),
});
export type PolicySummary = z.infer<typeof policySummary>;

export const listPoliciesQuery = z.object({
  scope: z.enum(['All', 'Local', 'AWS']).default('All'),
  onlyAttached: z.enum(['true', 'false']).default('false'),
});

export const policyVersionSummary = z.strictObject({ versionId: z.string(), isDefaultVersion: z.boolean(), createDate: isoDate });
export type PolicyVersionSummary = z.infer<typeof policyVersionSummary>;

/** One version with its document, decoded JSON text. */
export const policyVersion = policyVersionSummary.extend({ document: z.string() });
export type PolicyVersion = z.infer<typeof policyVersion>;

export const policyDetail = z.strictObject({
  policy: policySummary,
  /** The default version's document, decoded. */
  document: z.string(),
  versions: z.array(policyVersionSummary),
  entities: z.strictObject({
    users: z.array(z.strictObject({ userName: z.string(), userId: z.string() })),
    groups: z.array(z.strictObject({ groupName: z.string(), groupId: z.string() })),
    roles: z.array(z.strictObject({ roleName: z.string(), roleId: z.string() })),
  }),
});
export type PolicyDetail = z.infer<typeof policyDetail>;

export const policyParams = z.object({ policyArn });
export const policyVersionParams = policyParams.extend({ versionId: policyVersionId });

export const createPolicyRequest = z.object({
  policyName,
  path: iamPath.optional(),
  description: policyDescription.optional(),
  document: policyDocument,
  tags: tagSet('policy').optional(),
});
export type CreatePolicyRequest = z.input<typeof createPolicyRequest>;

export const policyAnswer = z.strictObject({ policy: policySummary });

export const createPolicyVersionRequest = z.object({ document: policyDocument, setAsDefault: z.boolean().default(false) });
export const setDefaultVersionRequest = z.object({ versionId: policyVersionId });
