// The Deployment credentials wizard's state, its checks per step and the requests it sends.
import { DEPLOYMENT_TOOLS, placementFor } from '@iam-console/api-contract/deployment-tools.ts';
import type { DeploymentToolId, PolicyPlacement } from '@iam-console/api-contract/deployment-tools.ts';
import { EXTERNAL_ID } from '@iam-console/api-contract/switch-role-links.ts';
import { POLICY_NAME, ROLE_NAME, USER_NAME, textProblem } from '@iam-console/api-contract/rules.ts';
import type { CreateDeploymentRoleBody, CreateDeploymentUserBody } from './api/deployment-credentials.ts';
import { tightenedPolicy } from './policy-variant.ts';

export type IdentityKind = 'user' | 'role';

export interface DeploymentWizardState {
  tool: DeploymentToolId;
  /** The published policy as is, or its tightened variant. */
  variant: 'published' | 'tightened';
  customDocument: string;
  region: string;
  rolePrefix: string;
  identity: IdentityKind;
  userName: string;
  roleName: string;
  policyName: string;
  trustedAccountId: string;
  requireExternalId: boolean;
  externalId: string;
  requireMfa: boolean;
  profile: string;
  sourceProfile: string;
  mfaSerial: string;
}

const CUSTOM_START = `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": [
                "cloudformation:DescribeStacks"
            ],
            "Resource": "*"
        }
    ]
}
`;

function namesFor(tool: DeploymentToolId) {
  const t = DEPLOYMENT_TOOLS[tool];
  return {
    userName: t.defaultUserName,
    roleName: `${t.defaultUserName}-role`,
    policyName: `${t.defaultUserName}-policy`,
    profile: t.defaultProfile,
    sourceProfile: `${t.defaultProfile}-source`,
    rolePrefix: t.rolePrefix ?? '',
  };
}

export function initialState(tool: DeploymentToolId = 'sst'): DeploymentWizardState {
  return {
    tool,
    variant: 'published',
    customDocument: CUSTOM_START,
    region: 'us-east-1',
    identity: 'user',
    trustedAccountId: '',
    requireExternalId: false,
    externalId: '',
    requireMfa: false,
    mfaSerial: '',
    ...namesFor(tool),
  };
}

/** Another tool brings its own names; what the person chose about the identity stays. */
export function withTool(state: DeploymentWizardState, tool: DeploymentToolId): DeploymentWizardState {
  return { ...state, tool, variant: 'published', ...namesFor(tool) };
}

export interface PolicyContext {
  accountId: string;
  partition: string;
}

/** The published document (or the custom one) and its tightened variant where one exists. */
export function policyDocuments(state: DeploymentWizardState, context: PolicyContext): { published: string; tightened?: string } {
  const policy = DEPLOYMENT_TOOLS[state.tool].policy;
  const published = policy ? policy.document : state.customDocument;
  if (!policy || policy.kind !== 'document') return { published };
  const tightened = tightenedPolicy(published, { ...context, region: state.region, rolePrefix: state.rolePrefix || undefined });
  return tightened ? { published, tightened } : { published };
}

/** The document the identity gets; an AWS managed policy is attached instead of created. */
export function chosenPermissions(state: DeploymentWizardState, context: PolicyContext): CreateDeploymentUserBody['permissions'] {
  const policy = DEPLOYMENT_TOOLS[state.tool].policy;
  if (policy?.kind === 'aws-managed') return { managedPolicyArn: policy.policyArn };
  const documents = policyDocuments(state, context);
  const document = state.variant === 'tightened' && documents.tightened ? documents.tightened : documents.published;
  return { policyName: state.policyName, policyDocument: document };
}

export function placementOf(state: DeploymentWizardState, context: PolicyContext): PolicyPlacement {
  const permissions = chosenPermissions(state, context);
  return 'managedPolicyArn' in permissions ? 'aws-managed' : placementFor(permissions.policyDocument);
}

export const PLACEMENT_TEXT: Record<PolicyPlacement, string> = {
  inline: 'Inline policy of the identity (fits the 2,048 characters of an inline policy)',
  'customer-managed': 'Customer managed policy, attached (over the 2,048 characters of an inline policy)',
  'aws-managed': 'AWS managed policy, attached',
};

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

export function stepProblems(state: DeploymentWizardState, step: number): string[] {
  const problems: (string | undefined)[] = [];
  if (step === 0) {
    if (!REGION.test(state.region)) problems.push('Enter a Region such as us-east-1.');
    if (state.tool === 'custom') {
      try {
        JSON.parse(state.customDocument);
      } catch {
        problems.push('The policy document is not valid JSON.');
      }
    }
  }
  if (step === 1) {
    problems.push(state.identity === 'user' ? textProblem(USER_NAME, state.userName) : textProblem(ROLE_NAME, state.roleName));
    if (DEPLOYMENT_TOOLS[state.tool].policy?.kind !== 'aws-managed') problems.push(textProblem(POLICY_NAME, state.policyName));
    if (!/^[\w.-]+$/.test(state.profile)) problems.push('A profile name has letters, digits, and . _ -.');
    if (state.identity === 'role') {
      if (!/^\d{12}$/.test(state.trustedAccountId)) problems.push('An account ID is 12 digits.');
      if (state.requireExternalId && !(state.externalId.length >= EXTERNAL_ID.min && EXTERNAL_ID.pattern.test(state.externalId))) {
        problems.push('An external ID has 2–1224 of the characters a-z A-Z 0-9 _+=,.@:/-.');
      }
      if (!/^[\w.-]+$/.test(state.sourceProfile) || state.sourceProfile === state.profile) problems.push('The source profile needs a name of its own.');
    }
  }
  return problems.filter((p): p is string => p !== undefined);
}

export function toUserRequest(state: DeploymentWizardState, context: PolicyContext): CreateDeploymentUserBody {
  return { tool: state.tool, userName: state.userName, permissions: chosenPermissions(state, context) };
}

export function toRoleRequest(state: DeploymentWizardState, context: PolicyContext): CreateDeploymentRoleBody {
  return {
    tool: state.tool,
    roleName: state.roleName,
    permissions: chosenPermissions(state, context),
    trustedAccountId: state.trustedAccountId,
    ...(state.requireExternalId ? { externalId: state.externalId } : {}),
    requireMfa: state.requireMfa,
  };
}
