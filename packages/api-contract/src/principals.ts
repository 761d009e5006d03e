// Sub-resources users, groups and roles share: attached and inline policies; tags and permissions boundary
// (users and roles only).
import { z } from 'zod';
import { policyArn, policyDocument, policyName, tagSet } from './fields.ts';

export const attachPolicyRequest = z.object({ policyArn });
export const attachedPolicyParams = z.object({ policyArn });

export const inlinePolicyParams = z.object({ policyName });
export const putInlinePolicyRequest = z.object({ document: policyDocument });

/** Replaces the whole tag set of a user or role; answers the tags IAM then holds. */
export const replaceTagsRequest = { user: z.object({ tags: tagSet('user') }), role: z.object({ tags: tagSet('role') }) } as const;
export type ReplaceTagsRequest = z.input<(typeof replaceTagsRequest)['user']>;

export const permissionsBoundaryRequest = z.object({ policyArn });
