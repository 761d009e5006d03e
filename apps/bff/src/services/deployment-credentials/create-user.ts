// "A new IAM user" for a deployment tool: the user, its permissions and an access key, as the tools' guides do it
// ("Programmatic access"). A step that fails undoes the earlier ones, so nothing half-made is left.
import { CreateAccessKeyCommand, CreateUserCommand, DeleteAccessKeyCommand, DeleteUserCommand } from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import { iso } from '../shape.ts';
import { runSteps } from '../steps.ts';
import { grantPermissions } from './permissions.ts';
import type { Permissions } from './permissions.ts';

export async function createDeploymentUser(iam: IAMClient, input: { userName: string; permissions: Permissions }) {
  const name = input.userName;
  return runSteps(`Creating deployment user ${name}`, async (step) => {
    const created = await step('Create user',
      () => iam.send(new CreateUserCommand({ UserName: name })),
      () => iam.send(new DeleteUserCommand({ UserName: name })));
    const policy = await grantPermissions(iam, step, 'user', name, input.permissions);
    const out = await step('Create access key',
      () => iam.send(new CreateAccessKeyCommand({ UserName: name })),
      (o) => iam.send(new DeleteAccessKeyCommand({ UserName: name, AccessKeyId: o.AccessKey?.AccessKeyId ?? '' })));
    return {
      userName: name,
      userArn: created.User?.Arn ?? '',
      policy,
      accessKey: {
        accessKeyId: out.AccessKey?.AccessKeyId ?? '',
        secretAccessKey: out.AccessKey?.SecretAccessKey ?? '',
        createDate: iso(out.AccessKey?.CreateDate) ?? new Date().toISOString(),
      },
    };
  });
}
