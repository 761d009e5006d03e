// Server-side session lifetime and the signed-in check.
// Idle and absolute timeouts are enforced here against an injectable clock (not only by cookie expiry),
// and so is the expiry of the session's credentials (temporary ones, or the absolute timeout for a long-term key).
import type { RequestHandler } from 'express';
import { notSignedIn, sessionExpired } from '../http/api-error.ts';
import type { CredentialCipher } from './credential-cipher.ts';
import type { SignedInState } from './session-data.ts';
import type { SessionClients } from './session-clients.ts';
import { actingIdentity, actingSealedCredentials, endExpiredRole } from './switched-role.ts';

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
    const now = policy.clock();
    endExpiredRole(session, now);
    res.locals.identity = actingIdentity(session.auth);
    // Recording activity at most every few seconds keeps most requests from rewriting the session.
    const granularity = Math.min(ACTIVITY_GRANULARITY_MS, policy.idleMs / 10);
    if (session.lastSeenAt === undefined || now - session.lastSeenAt >= granularity) session.lastSeenAt = now;
    next();
  };
}

/** Routes below this need a signed-in session; they get the session's AWS clients. */
export function requireSignIn(cipher: CredentialCipher, sessionClients: SessionClients): RequestHandler {
  return (req, res, next) => {
    const auth = req.session.auth;
    if (!auth) return next(res.locals.sessionExpired ? sessionExpired() : notSignedIn());
    const sealed = actingSealedCredentials(auth);
    if (auth.source === 'credential-chain' && !auth.switchedRole) {
      res.locals.aws = sessionClients.forCredentialChain();
    } else {
      if (!sealed) return next(notSignedIn());
      try {
        res.locals.aws = sessionClients.forSession(req.sessionID, sealed, () => {
          const { accessKeyId, secretAccessKey, sessionToken } = cipher.decrypt(sealed, req.sessionID);
          return { accessKeyId, secretAccessKey, sessionToken };
        });
      } catch {
        // Sealed with another key (SESSION_ENCRYPTION_KEY changed), for another session, or damaged: the sign-in is unusable.
        delete req.session.auth;
        return next(sessionExpired());
      }
    }
    // The rest of the request runs in this context, so the calls it makes report their ids to this response.
    sessionClients.withRequestIds((id) => (res.locals.awsRequestIds ??= []).push(id), next);
  };
}
