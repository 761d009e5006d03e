// From a session signed in without MFA to an MFA session, without signing out: a user who has just assigned an
// MFA device types a fresh code, and the BFF calls GetSessionToken with SerialNumber/TokenCode using the session's
// long-term key (IAM User Guide, "Configuring MFA-protected API access"). The session then keeps only those
// temporary credentials, exactly as a sign-in with MFA does (services/sign-in.ts); under the force-MFA policy the
// rest of the console opens.
import type { AwsClientFactory } from '../aws/clients.ts';
import { ApiError, notSignedIn } from '../http/api-error.ts';
import type { CredentialCipher, SessionCredentials } from '../session/credential-cipher.ts';
import type { SignedInState } from '../session/session-data.ts';
import { mfaSessionToken } from './sign-in.ts';

export interface UpgradeContext {
  makeClients: AwsClientFactory;
  cipher: CredentialCipher;
  sessionId: string;
  /** The session clock's now and the session's absolute timeout: the MFA session ends when the sign-in would. */
  now: number;
  absoluteMs: number;
}

export interface Upgraded {
  /** Without sealed credentials: they are sealed for the session's new id. */
  auth: SignedInState;
  credentials: SessionCredentials;
}

export async function upgradeToMfaSession(auth: SignedInState | undefined, proof: { serialNumber: string; tokenCode: string }, ctx: UpgradeContext): Promise<Upgraded> {
  if (!auth) throw notSignedIn();
  if (auth.mfaAuthenticated) throw new ApiError(400, 'MfaSessionNotPossible', 'This session is already signed in with MFA.');
  if (auth.source !== 'access-key' || !auth.sealedCredentials) {
    throw new ApiError(400, 'MfaSessionNotPossible', 'Only a session signed in with an IAM user’s access key can be turned into an MFA session; sign in again with your MFA code.');
  }
  const longTerm = ctx.cipher.decrypt(auth.sealedCredentials, ctx.sessionId);
  const endsAt = Math.min(auth.signedInAt + ctx.absoluteMs, auth.credentialsExpireAt);
  const credentials = await mfaSessionToken(ctx.makeClients(longTerm), Math.ceil((endsAt - ctx.now) / 1000), proof);
  // A switched role is left behind: its credentials are sealed for the session id the upgrade replaces, and the
  // switch was authorized without MFA. The person is back as themselves, now with MFA, and may switch again.
  const { sealedCredentials: _longTermKey, switchedRole: _role, ...rest } = auth;
  return {
    credentials,
    auth: {
      ...rest,
      source: 'session-token',
      mfaAuthenticated: true,
      // STS's expiry is on the wall clock, moved onto the session clock; never beyond the sign-in's own end.
      credentialsExpireAt: Math.min(endsAt, Date.parse(credentials.expiration) - (Date.now() - ctx.now)),
    },
  };
}
