// The signed-in principal's own AWS clients, also while the session acts as a switched-to role: a switch is always
// authorized with the original credentials (IAM User Guide, "Switching to a role (console)").
import type { Request, Response } from 'express';
import type { AwsClientFactory, AwsClients } from '../aws/clients.ts';
import { sessionExpired } from '../http/api-error.ts';
import { awsFor } from '../http/locals.ts';
import type { CredentialCipher } from './credential-cipher.ts';
import type { SessionPolicy } from './guard.ts';
import type { SessionClients } from './session-clients.ts';
import type { SignedInState } from './session-data.ts';

export interface OwnClientsDeps {
  cipher: CredentialCipher;
  makeClients: AwsClientFactory;
  sessionClients: SessionClients;
}

/** Routes behind requireSignIn: the request's clients when not switched, else clients of the sign-in's own credentials. */
export function ownClients(req: Request, res: Response, deps: OwnClientsDeps): AwsClients {
  const auth = req.session.auth;
  if (!auth?.switchedRole) return awsFor(res);
  if (auth.source === 'credential-chain') return deps.sessionClients.forCredentialChain();
  if (!auth.sealedCredentials) throw sessionExpired();
  let credentials;
  try {
    credentials = deps.cipher.decrypt(auth.sealedCredentials, req.sessionID);
  } catch {
    throw sessionExpired();
  }
  const { accessKeyId, secretAccessKey, sessionToken } = credentials;
  return deps.makeClients({ accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) }, (id) => (res.locals.awsRequestIds ??= []).push(id));
}

/** Whole seconds left before the sign-in ends (absolute timeout or its credentials' expiry). */
export function secondsLeft(auth: SignedInState, policy: SessionPolicy): number {
  const end = Math.min(auth.signedInAt + policy.absoluteMs, auth.credentialsExpireAt);
  return Math.max(0, Math.floor((end - policy.clock()) / 1000));
}
