// What "My security credentials" keeps in the session between requests, beside the sign-in itself:
// - the virtual MFA devices this session created and has not enabled yet: the wizard's Cancel deletes only these,
//   so the route cannot be used to delete anybody else's unassigned device;
// - the access keys created in this session, sealed like the session's own credentials, but only while the session
//   runs on a long-term key (a sign-in without MFA): when that key is deactivated the session switches to one of
//   them instead of ending (an MFA session's temporary credentials do not depend on the key, as on AWS).
import type { Session, SessionData } from 'express-session';
import type { AwsCredentials } from '../aws/clients.ts';
import type { CredentialCipher, SessionCredentials } from './credential-cipher.ts';

declare module 'express-session' {
  interface SessionData {
    pendingMfaDevices: string[];
    /** Access key id → the key sealed for this session id. */
    createdAccessKeys: Record<string, string>;
  }
}

type SelfServiceSession = Session & Partial<SessionData>;

export function addPendingMfaDevice(session: SelfServiceSession, serialNumber: string): void {
  session.pendingMfaDevices = [...(session.pendingMfaDevices ?? []).filter((s) => s !== serialNumber), serialNumber];
}

export function dropPendingMfaDevice(session: SelfServiceSession, serialNumber: string): void {
  const left = (session.pendingMfaDevices ?? []).filter((s) => s !== serialNumber);
  if (left.length > 0) session.pendingMfaDevices = left;
  else delete session.pendingMfaDevices;
}

export const isPendingMfaDevice = (session: SelfServiceSession, serialNumber: string): boolean =>
  (session.pendingMfaDevices ?? []).includes(serialNumber);

/** The long-term key the session calls AWS with (a sign-in without MFA), opened; undefined otherwise. */
export function sessionAccessKey(session: SelfServiceSession, sessionId: string, cipher: CredentialCipher): SessionCredentials | undefined {
  const auth = session.auth;
  if (auth?.source !== 'access-key' || !auth.sealedCredentials) return undefined;
  return cipher.decrypt(auth.sealedCredentials, sessionId);
}

/** Keeps a key created in this session when the session may need it to replace its own key. */
export function keepCreatedAccessKey(session: SelfServiceSession, sessionId: string, cipher: CredentialCipher, key: AwsCredentials): void {
  if (session.auth?.source !== 'access-key') return;
  const sealed = cipher.encrypt({ accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey, expiration: '' }, sessionId);
  session.createdAccessKeys = { ...session.createdAccessKeys, [key.accessKeyId]: sealed };
}

export function createdAccessKeys(session: SelfServiceSession, sessionId: string, cipher: CredentialCipher): Map<string, AwsCredentials> {
  const keys = new Map<string, AwsCredentials>();
  for (const [id, sealed] of Object.entries(session.createdAccessKeys ?? {})) {
    const { accessKeyId, secretAccessKey } = cipher.decrypt(sealed, sessionId);
    keys.set(id, { accessKeyId, secretAccessKey });
  }
  return keys;
}

export function forgetCreatedAccessKey(session: SelfServiceSession, accessKeyId: string): void {
  if (!session.createdAccessKeys || !Object.hasOwn(session.createdAccessKeys, accessKeyId)) return;
  const { [accessKeyId]: _dropped, ...rest } = session.createdAccessKeys;
  if (Object.keys(rest).length > 0) session.createdAccessKeys = rest;
  else delete session.createdAccessKeys;
}

/** The session now calls AWS with `key` (same expiry as before); the key leaves the created-keys list. */
export function switchSessionKey(session: SelfServiceSession, sessionId: string, cipher: CredentialCipher, key: AwsCredentials): void {
  const auth = session.auth;
  if (!auth?.sealedCredentials) return;
  const { expiration } = cipher.decrypt(auth.sealedCredentials, sessionId);
  auth.sealedCredentials = cipher.encrypt({ accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey, expiration }, sessionId);
  forgetCreatedAccessKey(session, key.accessKeyId);
}

/** What an MFA upgrade (a new session id) carries over: the pending devices; created keys are no longer needed. */
export function selfServiceCarryOver(session: SelfServiceSession): Pick<SessionData, 'pendingMfaDevices'> | undefined {
  return session.pendingMfaDevices ? { pendingMfaDevices: [...session.pendingMfaDevices] } : undefined;
}

export function restoreAfterUpgrade(session: SelfServiceSession, carried: ReturnType<typeof selfServiceCarryOver>): void {
  if (carried?.pendingMfaDevices) session.pendingMfaDevices = carried.pendingMfaDevices;
}
