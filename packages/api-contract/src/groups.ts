// /api/groups: requests and answers.
import { z } from 'zod';
import { attachedPolicy, groupName, iamPath, inlinePolicy, isoDate, policyArn, unavailableSection, userName } from './fields.ts';
import { userSummary } from './users.ts';

export const groupSummary = z.strictObject({
  groupName: z.string(),
  groupId: z.string(),
  arn: z.string(),
  path: z.string(),
  createDate: isoDate,
  /** Absent with `?memberCount=false`. */
  memberCount: z.number().int().min(0).optional(),
});
export type GroupSummary = z.infer<typeof groupSummary>;

export const listGroupsQuery = z.object({ memberCount: z.enum(['true', 'false']).default('true') });

export const groupDetail = z.strictObject({
  group: groupSummary,
  users: z.array(userSummary),
  attachedPolicies: z.array(attachedPolicy),
  inlinePolicies: z.array(inlinePolicy),
  unavailable: z.array(unavailableSection),
});
export type GroupDetail = z.infer<typeof groupDetail>;

export const groupParams = z.object({ groupName });

export const createGroupRequest = z.object({
  groupName,
  path: iamPath.optional(),
  managedPolicyArns: z.array(policyArn).max(20, 'Up to 20 managed policies per group').optional(),
  users: z.array(userName).max(1000).optional(),
});
export type CreateGroupRequest = z.input<typeof createGroupRequest>;

export const groupAnswer = z.strictObject({ group: groupSummary });

export const updateGroupRequest = z
  .object({ newGroupName: groupName.optional(), newPath: iamPath.optional() })
  .refine((change) => change.newGroupName || change.newPath, 'Give newGroupName or newPath');

export const groupMemberRequest = z.object({ userName });
export const groupMemberParams = groupParams.extend({ userName });
