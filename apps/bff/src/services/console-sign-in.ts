// A validated sign-in request, whichever way in (an access key, a local-mode demo identity, the server's
// credential chain), becomes the session's sign-in state and the credentials it will call AWS with.
import type { AwsClientFactory } from '../aws/clients.ts';
import { ApiError } from '../http/api-error.ts';
import type { SessionCredentials } from '../session/credential-cipher.ts';
import type { DemoIdentities } from '../session/demo-identities.ts';
import type { SignedInState } from '../session/session-data.ts';
import { signInDemo } from './demo-sign-in.ts';
import { identifyCredentialChain, signIn } from './sign-in.ts';

export type ConsoleSignInRequest =
  | { accessKeyId: string; secretAccessKey: string; mfaCode?: string | undefined; serialNumber?: string | undefined }
  | { demoIdentity: string; mfaCode?: string | undefined }
  | { credentialChain: true };

export interface ConsoleSignInOptions {
  makeClients: AwsClientFactory;
  demoIdentities: DemoIdentities | undefined;
  useCredentialChain: boolean;
  /** The session's absolute timeout: how long temporary credentials are asked for, and a long-term key's "expiry". */
  absoluteMs: number;
  /** The session clock's now. */
  now: number;
}

export interface ConsoleSignIn {
  /** Without sealed credentials yet: they are sealed for the session id the sign-in gets. */
  auth: SignedInState;
  /** None for the credential chain, which the server resolves itself. */
  credentials?: SessionCredentials;
}

export async function signInToConsole(request: ConsoleSignInRequest, options: ConsoleSignInOptions): Promise<ConsoleSignIn> {
  const { now, absoluteMs } = options;
  if ('credentialChain' in request) {
    if (!options.useCredentialChain) {
      throw new ApiError(400, 'CredentialChainDisabled', 'This console is not configured to use the server’s credential chain.');
    }
    const identity = await identifyCredentialChain(options.makeClients);
    return { auth: { identity, source: 'credential-chain', mfaAuthenticated: false, signedInAt: now, credentialsExpireAt: now + absoluteMs } };
  }
  const durationSeconds = Math.ceil(absoluteMs / 1000);
  const result = 'demoIdentity' in request
    ? await signInDemo(options.makeClients, options.demoIdentities, { id: request.demoIdentity, mfaCode: request.mfaCode, durationSeconds })
    : await signIn(options.makeClients, { ...request, durationSeconds });
  const { credentials } = result;
  return {
    credentials,
    auth: {
      identity: result.identity,
      source: credentials.sessionToken ? 'session-token' : 'access-key',
      mfaAuthenticated: result.mfaAuthenticated,
      signedInAt: now,
      // A long-term key's "expiry" is the absolute timeout itself; temporary credentials' expiry is on the
      // wall clock, moved onto the session clock.
      credentialsExpireAt: credentials.sessionToken ? Date.parse(credentials.expiration) - (Date.now() - now) : now + absoluteMs,
    },
  };
}
