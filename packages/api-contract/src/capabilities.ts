// GET /api/session/capabilities: which of the console's changes IAM would let the signed-in principal make, so the
// pages can leave out controls that could only end in AccessDenied. IAM still decides every call.
import { z } from 'zod';

/** The IAM actions behind the console's controls that change something. */
export const CONSOLE_ACTIONS = [
  'iam:CreateUser', 'iam:DeleteUser', 'iam:UpdateUser',
  'iam:CreateGroup', 'iam:DeleteGroup', 'iam:UpdateGroup', 'iam:AddUserToGroup', 'iam:RemoveUserFromGroup',
  'iam:CreateRole', 'iam:DeleteRole', 'iam:UpdateRole', 'iam:UpdateAssumeRolePolicy',
  'iam:CreatePolicy', 'iam:DeletePolicy', 'iam:CreatePolicyVersion', 'iam:SetDefaultPolicyVersion', 'iam:DeletePolicyVersion',
  'iam:AttachUserPolicy', 'iam:DetachUserPolicy', 'iam:AttachGroupPolicy', 'iam:DetachGroupPolicy', 'iam:AttachRolePolicy', 'iam:DetachRolePolicy',
  'iam:PutUserPolicy', 'iam:DeleteUserPolicy', 'iam:PutGroupPolicy', 'iam:DeleteGroupPolicy', 'iam:PutRolePolicy', 'iam:DeleteRolePolicy',
  'iam:PutUserPermissionsBoundary', 'iam:DeleteUserPermissionsBoundary', 'iam:PutRolePermissionsBoundary', 'iam:DeleteRolePermissionsBoundary',
  'iam:TagUser', 'iam:UntagUser', 'iam:TagRole', 'iam:UntagRole', 'iam:TagPolicy', 'iam:UntagPolicy',
  'iam:UpdateAccountPasswordPolicy', 'iam:DeleteAccountPasswordPolicy', 'iam:CreateAccountAlias', 'iam:DeleteAccountAlias',
  'iam:CreateAccessKey', 'iam:UpdateAccessKey', 'iam:DeleteAccessKey',
  'iam:CreateLoginProfile', 'iam:UpdateLoginProfile', 'iam:DeleteLoginProfile', 'iam:DeactivateMFADevice',
  'iam:GenerateCredentialReport',
] as const;

export const consoleAction = z.enum(CONSOLE_ACTIONS);
export type ConsoleAction = z.infer<typeof consoleAction>;

/**
 * Judged on resource `*`. `allowed`: allowed there. `denied`: no resource could be allowed (a Deny on every resource
 * that holds for this session, or no Allow of the caller's that names the action). `unknown`: refused on `*` but
 * allowed perhaps on some resources or requests (a permission scoped to `user/dev-*`), or IAM would not say; the
 * control stays.
 */
export const capability = z.enum(['allowed', 'denied', 'unknown']);
export type Capability = z.infer<typeof capability>;

export const capabilities = z.strictObject({
  /**
   * How it was decided: `root` (the root user may do all of this), `simulator` (IAM's SimulatePrincipalPolicy),
   * `policies` (the console's policy engine over the caller's own policies, read with its credentials), `unknown`.
   */
  basis: z.enum(['root', 'simulator', 'policies', 'unknown']),
  actions: z.record(consoleAction, capability),
});
export type Capabilities = z.infer<typeof capabilities>;
