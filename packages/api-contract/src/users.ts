// /api/users: requests and answers.
import { z } from 'zod';
import {
  accessKeyId, attachedPolicy, groupName, iamPath, inlinePolicy, isoDate, mfaSerialNumber, password, permissionsBoundary,
  policyArn, tag, tagSet, unavailableSection, userName,
} from './fields.ts';

export const userSummary = z.strictObject({
  userName: z.string(),
  userId: z.string(),
  arn: z.string(),
  path: z.string(),
  createDate: isoDate,
  passwordLastUsed: isoDate.optional(),
});
export type UserSummary = z.infer<typeof userSummary>;

export const accessKeyStatus = z.enum(['Active', 'Inactive']);

export const accessKey = z.strictObject({
  accessKeyId: z.string(),
  status: accessKeyStatus,
  createDate: isoDate,
  /** Absent when IAM refused iam:GetAccessKeyLastUsed (`unavailable` then names `accessKeyLastUsed`). */
  lastUsed: z.strictObject({ date: isoDate.optional(), service: z.string(), region: z.string() }).optional(),
});
export type AccessKey = z.infer<typeof accessKey>;

export const userDetail = z.strictObject({
  user: userSummary.extend({ permissionsBoundary: permissionsBoundary.optional(), tags: z.array(tag) }),
  groups: z.array(z.strictObject({ groupName: z.string(), arn: z.string() })),
  attachedPolicies: z.array(attachedPolicy),
  inlinePolicies: z.array(inlinePolicy),
  groupPolicies: z.array(z.strictObject({ groupName: z.string(), attached: z.array(attachedPolicy), inline: z.array(inlinePolicy) })),
  accessKeys: z.array(accessKey),
  mfaDevices: z.array(z.strictObject({ serialNumber: z.string(), enableDate: isoDate })),
  loginProfile: z.strictObject({ createDate: isoDate, passwordResetRequired: z.boolean() }).nullable(),
  unavailable: z.array(unavailableSection),
});
export type UserDetail = z.infer<typeof userDetail>;

export const userParams = z.object({ userName });

export const consolePassword = z.object({ password, resetRequired: z.boolean().default(true) });

export const createUserRequest = z.object({
  userName,
  path: iamPath.optional(),
  consolePassword: consolePassword.optional(),
  groups: z.array(groupName).max(10, 'A user can be in up to 10 groups').optional(),
  managedPolicyArns: z.array(policyArn).max(20, 'Up to 20 managed policies per user').optional(),
  permissionsBoundaryArn: policyArn.optional(),
  tags: tagSet('user').optional(),
  createAccessKey: z.boolean().optional(),
});
export type CreateUserRequest = z.input<typeof createUserRequest>;

/** A new secret access key: in this answer only, once. */
export const newAccessKey = z.strictObject({ accessKeyId: z.string(), secretAccessKey: z.string() });
export type NewAccessKey = z.infer<typeof newAccessKey>;

export const createUserAnswer = z.strictObject({ user: userSummary, accessKey: newAccessKey.optional() });

export const updateUserRequest = z
  .object({ newUserName: userName.optional(), newPath: iamPath.optional() })
  .refine((change) => change.newUserName || change.newPath, 'Give newUserName or newPath');
export type UpdateUserRequest = z.input<typeof updateUserRequest>;

export const userAnswer = z.strictObject({ user: userSummary });

export const groupMembershipRequest = z.object({ groupName });
export const userGroupParams = userParams.extend({ groupName });

export const loginProfileRequest = consolePassword;
export type LoginProfileRequest = z.input<typeof loginProfileRequest>;

export const createdAccessKey = newAccessKey.extend({ status: accessKeyStatus, createDate: isoDate });
export type CreatedAccessKey = z.infer<typeof createdAccessKey>;

export const accessKeyParams = userParams.extend({ accessKeyId });
export const updateAccessKeyRequest = z.object({ status: accessKeyStatus });

export const mfaDeviceParams = userParams.extend({ serialNumber: mfaSerialNumber });
