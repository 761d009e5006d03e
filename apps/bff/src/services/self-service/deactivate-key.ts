// Deactivating one of the caller's own access keys without pulling the console session from under them. A
// session signed in without MFA calls AWS with its long-term key: deactivated, that key makes every later call
// fail (InvalidClientTokenId). So when it is the session's own key and a key created in this session is still
// active, the deactivation is made with the new key and the session switches to it; otherwise the person must
// confirm, and the session ends. An MFA session's temporary credentials keep working after their key is
// deactivated or deleted ("Temporary security credentials are valid until they expire, and they cannot be
// revoked", IAM User Guide), as the embedded endpoint does too.
import type { IAMClient } from '@aws-sdk/client-iam';
import type { UpdateOwnAccessKeyAnswer } from '@iam-console/api-contract/me.ts';
import type { AwsClientFactory, AwsCredentials } from '../../aws/clients.ts';
import { confirmationRequired, deactivationConcerns, listOwnKeys, setOwnAccessKeyStatus } from './access-keys.ts';

export interface DeactivationContext {
  makeClients: AwsClientFactory;
  /** The long-term key the session calls AWS with; undefined for an MFA session. */
  sessionKeyId: string | undefined;
  /** Keys created in this session (only kept for a session on a long-term key). */
  createdKeys: Map<string, AwsCredentials>;
}

export interface Deactivation {
  session: UpdateOwnAccessKeyAnswer['session'];
  /** With `switched-to-new-key`: the key the session must use from now on. */
  newSessionKey?: AwsCredentials;
}

export async function deactivateOwnAccessKey(iam: IAMClient, accessKeyId: string, confirmed: boolean, ctx: DeactivationContext): Promise<Deactivation> {
  const keys = await listOwnKeys(iam);
  const ownKey = ctx.sessionKeyId === accessKeyId;
  const activeOthers = new Set(keys.filter((k) => k.status === 'Active' && k.accessKeyId !== accessKeyId).map((k) => k.accessKeyId));
  const replacement = ownKey ? [...ctx.createdKeys.values()].find((k) => activeOthers.has(k.accessKeyId)) : undefined;
  const concerns = deactivationConcerns(keys, accessKeyId, { ownKey, replacement: replacement !== undefined });
  if (concerns.length > 0 && !confirmed) throw confirmationRequired(concerns);
  if (!replacement) {
    await setOwnAccessKeyStatus(iam, accessKeyId, 'Inactive');
    return { session: ownKey ? 'ended' : 'kept' };
  }
  // Made with the new key: should IAM not take it yet, nothing has changed and the old key still works.
  await setOwnAccessKeyStatus(ctx.makeClients(replacement).iam, accessKeyId, 'Inactive');
  return { session: 'switched-to-new-key', newSessionKey: replacement };
}
