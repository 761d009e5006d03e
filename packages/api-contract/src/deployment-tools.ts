// The deployment tools the "Deployment credentials" wizard sets up, each with the IAM policy its documentation
// publishes and where the tool reads its AWS profile. Zod-free: the SPA imports it at run time.
import { POLICY as AMPLIFY_POLICY } from './tool-policies/amplify.ts';
import { POLICY as SST_POLICY } from './tool-policies/sst.ts';
import { POLICY as UP_POLICY } from './tool-policies/up.ts';

export const DEPLOYMENT_TOOL_IDS = ['sst', 'serverless', 'amplify', 'up', 'custom'] as const;
export type DeploymentToolId = (typeof DEPLOYMENT_TOOL_IDS)[number];

export const ADMINISTRATOR_ACCESS_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';
/** The AWS managed policy's document (version v1), shown so its reach is visible before it is attached. */
const ADMINISTRATOR_ACCESS_DOCUMENT = `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": "*",
            "Resource": "*"
        }
    ]
}
`;

/** What the tool's guide asks for: a policy document to create, or an AWS managed policy to attach. */
export type ToolPolicy =
  | { kind: 'document'; document: string; sourceUrl: string }
  | { kind: 'aws-managed'; policyArn: string; document: string; sourceUrl: string };

export interface DeploymentTool {
  id: DeploymentToolId;
  name: string;
  /** The tool's page on AWS credentials. */
  guideUrl: string;
  /** None for "Custom policy": the person writes it. */
  policy?: ToolPolicy;
  defaultUserName: string;
  defaultProfile: string;
  /** The start of the names of the IAM roles the tool creates (Amplify's `amplify-<project>-<env>-…`): role actions are scoped to them in the tightened variant. */
  rolePrefix?: string;
}

export const DEPLOYMENT_TOOLS: Record<DeploymentToolId, DeploymentTool> = {
  sst: {
    id: 'sst',
    name: 'SST',
    guideUrl: 'https://docs.sst.dev/advanced/iam-credentials',
    policy: { kind: 'document', document: SST_POLICY, sourceUrl: 'https://docs.sst.dev/advanced/iam-credentials#iam-permissions' },
    defaultUserName: 'sst-deployer',
    defaultProfile: 'sst-deployer',
  },
  serverless: {
    id: 'serverless',
    name: 'Serverless Framework',
    guideUrl: 'https://www.serverless.com/framework/docs/providers/aws/guide/credentials',
    // The guide's steps attach AdministratorAccess and recommend a narrower custom policy once the scope is known.
    policy: {
      kind: 'aws-managed',
      policyArn: ADMINISTRATOR_ACCESS_ARN,
      document: ADMINISTRATOR_ACCESS_DOCUMENT,
      sourceUrl: 'https://www.serverless.com/framework/docs/providers/aws/guide/credentials#create-an-iam-user-and-access-key',
    },
    defaultUserName: 'serverless-agent',
    defaultProfile: 'serverless-agent',
  },
  amplify: {
    id: 'amplify',
    name: 'Amplify CLI',
    guideUrl: 'https://docs.amplify.aws/gen1/javascript/tools/cli/reference/iam-roles-mfa/',
    policy: { kind: 'document', document: AMPLIFY_POLICY, sourceUrl: 'https://docs.amplify.aws/cli/reference/iam/' },
    defaultUserName: 'amplify-cli-user',
    defaultProfile: 'amplify-cli',
    rolePrefix: 'amplify-',
  },
  up: {
    id: 'up',
    name: 'Up',
    guideUrl: 'https://apex.sh/docs/up/credentials/',
    policy: { kind: 'document', document: UP_POLICY, sourceUrl: 'https://apex.sh/docs/up/credentials/#iam-policy-for-up-cli' },
    defaultUserName: 'up-deployer',
    defaultProfile: 'up-deployer',
  },
  custom: { id: 'custom', name: 'Custom policy', guideUrl: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html', defaultUserName: 'deployer', defaultProfile: 'deployer' },
};

/**
 * An inline user or role policy holds at most 2,048 characters, white space not counted; a larger document
 * becomes a customer managed policy (6,144). IAM User Guide, "IAM and AWS STS quotas".
 */
export const INLINE_POLICY_MAX = 2048;

export function policySize(document: string): number {
  try {
    return JSON.stringify(JSON.parse(document)).length;
  } catch {
    return document.replace(/\s/g, '').length;
  }
}

export type PolicyPlacement = 'inline' | 'customer-managed' | 'aws-managed';

export const placementFor = (document: string): Exclude<PolicyPlacement, 'aws-managed'> =>
  policySize(document) <= INLINE_POLICY_MAX ? 'inline' : 'customer-managed';
