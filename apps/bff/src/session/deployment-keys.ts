// The access keys the Deployment credentials wizard created in this session, sealed for the session id like the
// session's own credentials: "Check credentials" signs with one of them without its secret coming back from the
// browser. A key not made in this session cannot be checked here.
import type { Session, SessionData } from 'express-session';
import type { AwsCredentials } from '../aws/clients.ts';
import type { CredentialCipher } from './credential-cipher.ts';

declare module 'express-session' {
  interface SessionData {
    /** Access key id → the key sealed for this session id. */
    deploymentKeys: Record<string, string>;
  }
}

type DeploymentSession = Session & Partial<SessionData>;

/** Keys kept at once; older ones are dropped first (a wizard run makes one). */
const KEPT = 5;

export function keepDeploymentKey(session: DeploymentSession, sessionId: string, cipher: CredentialCipher, key: AwsCredentials): void {
  const sealed = cipher.encrypt({ accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey, expiration: '' }, sessionId);
  const kept = Object.entries({ ...session.deploymentKeys, [key.accessKeyId]: sealed }).slice(-KEPT);
  session.deploymentKeys = Object.fromEntries(kept);
}

export function deploymentKey(session: DeploymentSession, sessionId: string, cipher: CredentialCipher, accessKeyId: string): AwsCredentials | undefined {
  // Own keys only: an id such as `__defineGetter__` would otherwise find Object.prototype's function.
  const keys = session.deploymentKeys;
  if (!keys || !Object.hasOwn(keys, accessKeyId)) return undefined;
  const sealed = keys[accessKeyId]!;
  const { secretAccessKey } = cipher.decrypt(sealed, sessionId);
  return { accessKeyId, secretAccessKey };
}
