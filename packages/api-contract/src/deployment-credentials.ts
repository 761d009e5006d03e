// /api/deployment-credentials: a deployment identity for SST, the Serverless Framework, the Amplify CLI or Up (an IAM
// user with an access key, or a role another account assumes), and the check that what was made signs a call.
import { z } from 'zod';
import { DEPLOYMENT_TOOL_IDS } from './deployment-tools.ts';
import { accessKeyId, isoDate, mfaSerialNumber, policyArn, policyDocument, policyName, roleName, userName } from './fields.ts';
import { ACCOUNT_ID, EXTERNAL_ID } from './switch-role-links.ts';

export const deploymentTool = z.enum(DEPLOYMENT_TOOL_IDS);

/** The permissions: a document created as the tool's policy (inline or customer managed by size), or an AWS managed policy. */
export const deploymentPermissions = z.union([
  z.strictObject({ policyName, policyDocument }),
  z.strictObject({ managedPolicyArn: policyArn }),
]);

export const externalId = z
  .string()
  .min(EXTERNAL_ID.min, 'An external ID has at least 2 characters')
  .max(EXTERNAL_ID.max)
  .regex(EXTERNAL_ID.pattern, 'An external ID can contain only a-z A-Z 0-9 and _+=,.@:/-');

export const createDeploymentUserRequest = z.strictObject({ tool: deploymentTool, userName, permissions: deploymentPermissions });

export const createDeploymentRoleRequest = z.strictObject({
  tool: deploymentTool,
  roleName,
  permissions: deploymentPermissions,
  /** "Another AWS account": the account whose principals may assume the role. */
  trustedAccountId: z.string().regex(ACCOUNT_ID, 'An account ID is 12 digits'),
  externalId: externalId.optional(),
  requireMfa: z.boolean(),
});

export const deploymentPolicy = z.strictObject({
  placement: z.enum(['inline', 'customer-managed', 'aws-managed']),
  policyName: z.string(),
  /** Managed policies only. */
  policyArn: z.string().optional(),
});

export const createdDeploymentUser = z.strictObject({
  userName: z.string(),
  userArn: z.string(),
  policy: deploymentPolicy,
  accessKey: z.strictObject({ accessKeyId: z.string(), secretAccessKey: z.string(), createDate: isoDate }),
});

export const createdDeploymentRole = z.strictObject({
  roleName: z.string(),
  roleArn: z.string(),
  policy: deploymentPolicy,
  trustPolicy: z.string(),
});

/**
 * "Check credentials": a key made by this session (its secret stays sealed in the session), or the role assumed by
 * the signed-in principal with the external ID and an MFA code as the tool would.
 */
export const checkDeploymentCredentialsRequest = z.union([
  z.strictObject({ accessKeyId }),
  z.strictObject({
    roleArn: z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, 'Not a role ARN'),
    externalId: externalId.optional(),
    mfa: z.strictObject({ serialNumber: mfaSerialNumber, code: z.string().regex(/^\d{6}$/, 'An MFA code is 6 digits') }).optional(),
  }),
]);

export const checkedIdentity = z.strictObject({ account: z.string(), arn: z.string(), userId: z.string() });
