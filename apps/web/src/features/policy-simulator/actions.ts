// The actions to simulate: typed one per line (or separated by commas/spaces), with quick picks of common groups.
import { actionProblem } from '@iam-console/api-contract/policy-simulator.ts';

/** Quick picks: a few actions per service and access level, as the IAM console's simulator groups them. */
export const ACTION_GROUPS: { label: string; actions: string[] }[] = [
  { label: 'IAM read', actions: ['iam:ListUsers', 'iam:GetUser', 'iam:ListRoles', 'iam:GetRole', 'iam:ListPolicies', 'iam:GetAccountSummary'] },
  { label: 'IAM write', actions: ['iam:CreateUser', 'iam:DeleteUser', 'iam:AttachUserPolicy', 'iam:CreateAccessKey', 'iam:CreateRole', 'iam:PutRolePolicy'] },
  { label: 'S3', actions: ['s3:ListAllMyBuckets', 's3:ListBucket', 's3:GetObject', 's3:PutObject', 's3:DeleteObject'] },
  { label: 'EC2', actions: ['ec2:DescribeInstances', 'ec2:RunInstances', 'ec2:StartInstances', 'ec2:StopInstances', 'ec2:TerminateInstances'] },
  { label: 'STS', actions: ['sts:AssumeRole', 'sts:GetCallerIdentity', 'sts:GetSessionToken'] },
];

export interface ParsedActions {
  /** Distinct actions, in the order typed. */
  actions: string[];
  /** One sentence per action the simulator would refuse. */
  problems: string[];
}

export function parseActions(text: string): ParsedActions {
  const seen = new Set<string>();
  const actions: string[] = [];
  const problems: string[] = [];
  for (const action of text.split(/[\s,]+/).filter(Boolean)) {
    if (seen.has(action)) continue;
    seen.add(action);
    const problem = actionProblem(action);
    if (problem) problems.push(problem);
    else actions.push(action);
  }
  return { actions, problems };
}

/** The text with a group's actions added after those already there, none twice. */
export function addActions(text: string, more: readonly string[]): string {
  const present = text.split(/[\s,]+/).filter(Boolean);
  return [...new Set([...present, ...more])].join('\n');
}
