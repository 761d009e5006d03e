// Sub-resources users, groups and roles share: attached and inline policies; tags and permissions boundary
// (users and roles only).
import { z } from 'zod';
import { policyArn, policyDocument, policyName, principalTags } from './fields.ts';

export const attachPolicyRequest = z.object({ policyArn });
export const attachedPolicyParams = z.object({ policyArn });

export const inlinePolicyParams = z.object({ policyName });
export const putInlinePolicyRequest = z.object({ document: policyDocument });

/** Replaces the whole tag set; answers the tags IAM then holds. */
export const replaceTagsRequest = z.object({ tags: principalTags });
export type ReplaceTagsRequest = z.input<typeof replaceTagsRequest>;

export const permissionsBoundaryRequest = z.object({ policyArn });
