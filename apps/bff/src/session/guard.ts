// Server-side session lifetime and the signed-in check.
// Idle and absolute timeouts are enforced here against an injectable clock (not only by cookie expiry),
// and so is the expiry of the session's credentials (temporary ones, or the absolute timeout for a long-term key).
import type { RequestHandler } from 'express';
import type { AwsClientFactory } from '../aws/clients.ts';
import { notSignedIn, sessionExpired } from '../http/api-error.ts';
import type { CredentialCipher } from './credential-cipher.ts';
import type { SignedInState } from './session-data.ts';

/** Idle time is measured to within this much (or a tenth of the idle timeout, if shorter). */
export const ACTIVITY_GRANULARITY_MS = 5_000;

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
  clock: () => number;
}

export function isExpired(auth: SignedInState, lastSeenAt: number | undefined, policy: SessionPolicy): boolean {
  const now = policy.clock();
  return (
    (lastSeenAt !== undefined && now - lastSeenAt > policy.idleMs) ||
    now - auth.signedInAt > policy.absoluteMs ||
    now >= auth.credentialsExpireAt
  );
}

/**
 * Drops an expired sign-in from the session (remembering why) and records a signed-in caller's
 * activity. Nothing is written for anyone else: a changed session is a stored row, and anonymous
 * requests must not fill the store (only GET /api/session stores one, for the CSRF token).
 */
export function sessionLifetime(policy: SessionPolicy): RequestHandler {
  return (req, res, next) => {
    const session = req.session;
    if (!session.auth) return next();
    if (isExpired(session.auth, session.lastSeenAt, policy)) {
      delete session.auth;
      res.locals.sessionExpired = true;
      return next();
    }
    res.locals.identity = session.auth.identity;
    // Recording activity at most every few seconds keeps most requests from rewriting the session.
    const now = policy.clock();
    const granularity = Math.min(ACTIVITY_GRANULARITY_MS, policy.idleMs / 10);
    if (session.lastSeenAt === undefined || now - session.lastSeenAt >= granularity) session.lastSeenAt = now;
    next();
  };
}

/** Routes below this need a signed-in session; they get AWS clients built from its credentials. */
export function requireSignIn(cipher: CredentialCipher, makeClients: AwsClientFactory): RequestHandler {
  return (req, res, next) => {
    const auth = req.session.auth;
    if (!auth) return next(res.locals.sessionExpired ? sessionExpired() : notSignedIn());
    const record = (id: string) => (res.locals.awsRequestIds ??= []).push(id);
    if (auth.source === 'credential-chain') {
      res.locals.aws = makeClients(undefined, record);
    } else {
      if (!auth.sealedCredentials) return next(notSignedIn());
      let credentials;
      try {
        credentials = cipher.decrypt(auth.sealedCredentials, req.sessionID);
      } catch {
        // Sealed with another key (SESSION_ENCRYPTION_KEY changed), for another session, or damaged: the sign-in is unusable.
        delete req.session.auth;
        return next(sessionExpired());
      }
      const { accessKeyId, secretAccessKey, sessionToken } = credentials;
      res.locals.aws = makeClients({ accessKeyId, secretAccessKey, sessionToken }, record);
    }
    next();
  };
}
