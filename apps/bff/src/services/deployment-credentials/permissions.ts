// The deployment identity's permissions as steps of a change: an AWS managed policy attached, or the tool's document
// as an inline policy when it fits (2,048 characters for users and roles) and as a customer managed policy otherwise.
import { CreatePolicyCommand, DeletePolicyCommand } from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import { placementFor } from '@iam-console/api-contract/deployment-tools.ts';
import { shortName } from '@iam-console/api-contract/arn.ts';
import { attachPolicy, detachPolicy, putInlinePolicy, deleteInlinePolicy } from '../principal-policies.ts';
import type { Step } from '../steps.ts';

export type Permissions = { policyName: string; policyDocument: string } | { managedPolicyArn: string };

export interface GrantedPolicy {
  placement: 'inline' | 'customer-managed' | 'aws-managed';
  policyName: string;
  policyArn?: string;
}

export async function grantPermissions(iam: IAMClient, step: Step, kind: 'user' | 'role', name: string, permissions: Permissions): Promise<GrantedPolicy> {
  if ('managedPolicyArn' in permissions) {
    const arn = permissions.managedPolicyArn;
    await step(`Attach policy ${arn}`, () => attachPolicy(iam, kind, name, arn), () => detachPolicy(iam, kind, name, arn));
    return { placement: 'aws-managed', policyName: shortName(arn), policyArn: arn };
  }
  const { policyName, policyDocument } = permissions;
  if (placementFor(policyDocument) === 'inline') {
    await step(`Add inline policy ${policyName}`,
      () => putInlinePolicy(iam, kind, name, policyName, policyDocument),
      () => deleteInlinePolicy(iam, kind, name, policyName));
    return { placement: 'inline', policyName };
  }
  const created = await step(`Create policy ${policyName}`,
    () => iam.send(new CreatePolicyCommand({ PolicyName: policyName, PolicyDocument: policyDocument })),
    (out) => iam.send(new DeletePolicyCommand({ PolicyArn: out.Policy?.Arn ?? '' })));
  const arn = created.Policy?.Arn ?? '';
  await step(`Attach policy ${policyName}`, () => attachPolicy(iam, kind, name, arn), () => detachPolicy(iam, kind, name, arn));
  return { placement: 'customer-managed', policyName, policyArn: arn };
}
