// The caller's own access keys, as the IAM User Guide's rotation procedure does them ("Rotating access keys"):
// create a second key (optionally described by a user tag keyed by the key id, as the AWS console does), switch
// over, deactivate the old key, delete it once inactive. IAM holds at most two keys per user.
import {
  CreateAccessKeyCommand, DeleteAccessKeyCommand, TagUserCommand, UntagUserCommand, UpdateAccessKeyCommand, paginateListAccessKeys,
} from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { CreatedOwnAccessKey } from '@iam-console/api-contract/me.ts';
import { awsErrorCode, isAwsError, trimEnd } from '../../aws/errors.ts';
import { ApiError } from '../../http/api-error.ts';
import { toApiError } from '../../http/error-middleware.ts';
import { collect, iso, isAwsCode, pager } from '../shape.ts';
import type { Caller } from './caller.ts';

export const ACCESS_KEYS_PER_USER = 2;

/** IAM's LimitExceeded for a third key, with what to do about it. */
function explainLimit(err: unknown): unknown {
  if (!isAwsError(err) || awsErrorCode(err) !== 'LimitExceeded') return err;
  const apiError = toApiError(err);
  return new ApiError(apiError.status, apiError.code,
    `You already have ${ACCESS_KEYS_PER_USER} access keys, the most IAM allows (AWS: ${trimEnd(err.message)}). A deactivated key still counts: delete one you no longer use, then create the new one.`,
    apiError.extra);
}

export async function createOwnAccessKey(iam: IAMClient, caller: Caller, description: string | undefined): Promise<CreatedOwnAccessKey> {
  let key;
  try {
    key = (await iam.send(new CreateAccessKeyCommand({}))).AccessKey;
  } catch (err) {
    throw explainLimit(err);
  }
  const created = {
    accessKeyId: key?.AccessKeyId ?? '',
    secretAccessKey: key?.SecretAccessKey ?? '',
    status: key?.Status === 'Inactive' ? ('Inactive' as const) : ('Active' as const),
    createDate: iso(key?.CreateDate) ?? '',
  };
  if (!description || !caller.userName) return created;
  // The key exists whatever becomes of its description: its secret must reach the person now or never.
  try {
    await iam.send(new TagUserCommand({ UserName: caller.userName, Tags: [{ Key: created.accessKeyId, Value: description }] }));
    return { ...created, description };
  } catch (err) {
    if (!isAwsError(err)) throw err;
    return { ...created, descriptionNotSaved: { code: awsErrorCode(err), message: toApiError(err).message } };
  }
}

export interface OwnKeyStatus {
  accessKeyId: string;
  status: 'Active' | 'Inactive';
}

export async function listOwnKeys(iam: IAMClient): Promise<OwnKeyStatus[]> {
  const keys = await collect(paginateListAccessKeys(pager(iam), {}), (p) => p.AccessKeyMetadata);
  return keys.map((k) => ({ accessKeyId: k.AccessKeyId ?? '', status: k.Status === 'Inactive' ? 'Inactive' : 'Active' }));
}

export const setOwnAccessKeyStatus = (iam: IAMClient, accessKeyId: string, status: 'Active' | 'Inactive') =>
  iam.send(new UpdateAccessKeyCommand({ AccessKeyId: accessKeyId, Status: status }));

/**
 * Only an inactive key is deleted, as in the AWS console ("first Deactivate and then confirm the deletion"): a
 * key still in use fails loudly at deactivation, where it can be undone, not at deletion, where it cannot.
 */
export async function deleteOwnAccessKey(iam: IAMClient, caller: Caller, accessKeyId: string): Promise<void> {
  const key = (await listOwnKeys(iam)).find((k) => k.accessKeyId === accessKeyId);
  if (key?.status === 'Active') {
    throw new ApiError(409, 'AccessKeyActive', `Access key ${accessKeyId} is active. Deactivate it first and check that nothing uses it any more; then delete it.`);
  }
  // An unknown key: IAM's own NoSuchEntity answers.
  await iam.send(new DeleteAccessKeyCommand({ AccessKeyId: accessKeyId }));
  if (!caller.userName) return;
  // Its description tag goes with it; a policy that lets users delete keys but not untag themselves leaves it.
  try {
    await iam.send(new UntagUserCommand({ UserName: caller.userName, TagKeys: [accessKeyId] }));
  } catch (err) {
    if (!isAwsCode(err, 'AccessDenied', 'NoSuchEntity')) throw err;
  }
}

/** Why deactivating `accessKeyId` needs the person's confirmation, if it does. */
export function deactivationConcerns(keys: OwnKeyStatus[], accessKeyId: string, session: { ownKey: boolean; replacement: boolean }): string[] {
  const concerns: string[] = [];
  const othersActive = keys.filter((k) => k.accessKeyId !== accessKeyId && k.status === 'Active');
  if (othersActive.length === 0) {
    concerns.push(`${accessKeyId} is your only active access key: with it deactivated, nothing can call AWS with your access keys until you activate or create one.`);
  }
  if (session.ownKey && !session.replacement) {
    concerns.push(`This console session signed in with ${accessKeyId}: deactivating it signs you out. Create a new access key first (the session then switches to it), or sign in with MFA.`);
  }
  return concerns;
}

export const confirmationRequired = (concerns: string[]) =>
  new ApiError(409, 'ConfirmationRequired', `${concerns.join(' ')} Confirm to go ahead.`);
