// A validated sign-in request, whichever way in (an access key, a local-mode demo identity, the server's
// credential chain), becomes the session's sign-in state and the credentials it will call AWS with.
import type { AwsClientFactory } from '../aws/clients.ts';
import { ApiError } from '../http/api-error.ts';
import type { SessionCredentials } from '../session/credential-cipher.ts';
import type { DemoIdentities } from '../session/demo-identities.ts';
import type { SignedInState } from '../session/session-data.ts';
import { signInDemo } from './demo-sign-in.ts';
import { identifyCredentialChain, signIn } from './sign-in.ts';
import type { PasswordSignIn } from './password-sign-in.ts';

export type ConsoleSignInRequest =
  | { accessKeyId: string; secretAccessKey: string; mfaCode?: string | undefined; serialNumber?: string | undefined }
  | { demoIdentity: string; mfaCode?: string | undefined }
  | { accountId?: string | undefined; userName: string; password: string; mfaCode?: string | undefined }
  | { credentialChain: true };

export interface ConsoleSignInOptions {
  makeClients: AwsClientFactory;
  demoIdentities: DemoIdentities | undefined;
  useCredentialChain: boolean;
  /** Local mode only: sign-in with an IAM user's password, which only the embedded endpoint can check. */
  passwordSignIn: PasswordSignIn | undefined;
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
  let passwordResetRequired = false;
  let result;
  if ('demoIdentity' in request) {
    result = await signInDemo(options.makeClients, options.demoIdentities, { id: request.demoIdentity, mfaCode: request.mfaCode, durationSeconds });
  } else if ('password' in request) {
    if (!options.passwordSignIn) throw new ApiError(400, 'PasswordSignInUnavailable', 'Sign-in with a password exists only in local mode: AWS offers no API that checks a console password. Sign in with an access key.');
    ({ passwordResetRequired, ...result } = await options.passwordSignIn({ ...request, durationSeconds }));
  } else {
    result = await signIn(options.makeClients, { ...request, durationSeconds });
  }
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
      ...(passwordResetRequired ? { passwordResetRequired: true as const } : {}),
    },
  };
}
