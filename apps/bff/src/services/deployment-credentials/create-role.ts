// "A role for another AWS account": the role the tool's users assume from their own account (the Amplify CLI's
// cross-account set-up), with its permissions; handed over as its ARN. Undone on failure like the user.
import { CreateRoleCommand, DeleteRoleCommand } from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import { runSteps } from '../steps.ts';
import { grantPermissions } from './permissions.ts';
import type { Permissions } from './permissions.ts';
import { anotherAccountTrustPolicy } from './trust-policy.ts';

export interface DeploymentRoleInput {
  roleName: string;
  permissions: Permissions;
  trustedAccountId: string;
  externalId?: string | undefined;
  requireMfa: boolean;
  /** The partition the console's own principal is in (`aws`, `aws-cn`, …). */
  partition: string;
}

export async function createDeploymentRole(iam: IAMClient, input: DeploymentRoleInput) {
  const name = input.roleName;
  const trustPolicy = anotherAccountTrustPolicy(input);
  return runSteps(`Creating deployment role ${name}`, async (step) => {
    const created = await step('Create role',
      () => iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trustPolicy })),
      () => iam.send(new DeleteRoleCommand({ RoleName: name })));
    const policy = await grantPermissions(iam, step, 'role', name, input.permissions);
    return { roleName: name, roleArn: created.Role?.Arn ?? '', policy, trustPolicy };
  });
}
