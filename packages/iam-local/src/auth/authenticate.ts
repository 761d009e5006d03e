// Authentication of one request: SigV4 parts → credential → token and expiry of temporary credentials →
// recomputed signature. Fails with AWS's codes and messages for each case.
import { timingSafeEqual } from 'node:crypto';
import { IamError } from '../errors.ts';
import type { Caller } from './caller.ts';
import type { CredentialResolver } from './credentials.ts';
import { checkSigningDate, expectedSignature, parseAuthorization, signatureMismatch, signaturesMatch, type ReceivedRequest } from './sigv4.ts';

export interface Authenticated {
  caller: Caller;
  /** From the credential scope: which service the client meant (`iam`, `sts`, …) and its region. */
  service: string;
  region: string;
}

export function invalidToken(): IamError {
  return new IamError('InvalidClientTokenId', 'The security token included in the request is invalid.');
}

function sameToken(expected: string, received: string | undefined): boolean {
  if (received === undefined) return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(received, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function authenticate(request: ReceivedRequest, resolve: CredentialResolver, now: Date): Promise<Authenticated> {
  const parts = parseAuthorization(request);
  checkSigningDate(parts, now);
  const credential = resolve(parts.accessKeyId);
  if (!credential) throw invalidToken();
  if (credential.session) {
    if (!sameToken(credential.session.token, parts.sessionToken)) throw invalidToken();
    if (credential.session.expiresAt.getTime() <= now.getTime()) {
      throw new IamError('ExpiredToken', 'The security token included in the request is expired');
    }
  } else if (parts.sessionToken !== undefined) {
    throw invalidToken();
  }
  const expected = expectedSignature(request, parts, credential.secretAccessKey);
  if (!signaturesMatch(expected, parts.signature)) throw signatureMismatch();
  return { caller: credential.caller, service: parts.service, region: parts.region };
}
