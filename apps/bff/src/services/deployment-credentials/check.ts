// "Check credentials": the new identity signs a call, as the deployment tool would. A user's key signs
// sts:GetCallerIdentity (which needs no permission, so any working key succeeds); a role is assumed with the
// external ID and MFA code its trust policy asks for, and its session signs the same call.
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { STSClient } from '@aws-sdk/client-sts';
import type { AwsClientFactory, AwsCredentials } from '../../aws/clients.ts';

async function callerIdentity(sts: STSClient) {
  const out = await sts.send(new GetCallerIdentityCommand({}));
  return { account: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' };
}

export const checkAccessKey = (makeClients: AwsClientFactory, key: AwsCredentials) => callerIdentity(makeClients(key).sts);

export interface RoleCheck {
  roleArn: string;
  externalId?: string | undefined;
  mfa?: { serialNumber: string; code: string } | undefined;
}

export async function checkRole(sts: STSClient, makeClients: AwsClientFactory, check: RoleCheck) {
  const out = await sts.send(new AssumeRoleCommand({
    RoleArn: check.roleArn,
    RoleSessionName: 'deployment-credentials-check',
    DurationSeconds: 900,
    ...(check.externalId ? { ExternalId: check.externalId } : {}),
    ...(check.mfa ? { SerialNumber: check.mfa.serialNumber, TokenCode: check.mfa.code } : {}),
  }));
  const c = out.Credentials;
  return callerIdentity(makeClients({ accessKeyId: c?.AccessKeyId ?? '', secretAccessKey: c?.SecretAccessKey ?? '', sessionToken: c?.SessionToken ?? '' }).sts);
}
