// "Check credentials": the new identity signs a call, as the deployment tool would. A user's key signs
// sts:GetCallerIdentity (which needs no permission, so any working key succeeds); a role is assumed with the
// external ID and MFA code its trust policy asks for, and its session signs the same call.
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { STSClient } from '@aws-sdk/client-sts';
import type { AwsClientFactory, AwsCredentials } from '../../aws/clients.ts';
import { awsErrorCode, isAwsError, requestIdOf, trimEnd } from '../../aws/errors.ts';
import { ApiError } from '../../http/api-error.ts';

async function callerIdentity(sts: STSClient) {
  const out = await sts.send(new GetCallerIdentityCommand({}));
  return { account: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' };
}

/**
 * AWS's own code, not the session's "sign in again" (which InvalidClientTokenId means for the session's own key): the
 * console session is fine, the checked key is not. A key AWS does not accept is either not replicated yet ("IAM …
 * is eventually consistent", IAM User Guide, "Changes that I make are not always immediately visible") or deleted.
 */
export async function checkAccessKey(makeClients: AwsClientFactory, key: AwsCredentials) {
  try {
    return await callerIdentity(makeClients(key).sts);
  } catch (err) {
    if (!isAwsError(err) || awsErrorCode(err) !== 'InvalidClientTokenId') throw err;
    throw new ApiError(err.$metadata?.httpStatusCode ?? 403, 'InvalidClientTokenId',
      `AWS does not accept access key ${key.accessKeyId} (AWS: ${trimEnd(err.message)}). A new key can take a few seconds to be accepted everywhere: check again shortly. If it still fails, the key was deactivated or deleted.`,
      requestIdOf(err));
  }
}

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
