// CSRF defence for state-changing requests: a token sent back in the x-csrf-token header, plus a same-origin
// check on Origin and Sec-Fetch-Site. Signed in, the token is a synchronizer token kept in the session; before
// sign-in, when no session is stored, it is bound to a cookie instead (pre-sign-in-token.ts).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { ApiError } from '../http/api-error.ts';
import type { ConsoleOrigins } from './console-origins.ts';
import type { PreSignInTokens } from './pre-sign-in-token.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The token this request's answer hands out: the session's once signed in (made at sign-in), else the pre-sign-in one. */
export function csrfTokenFor(req: Request, res: Response, preSignIn: PreSignInTokens): string {
  if (req.session.csrfToken) return req.session.csrfToken;
  if (!req.session.auth) return preSignIn.issue(req, res);
  req.session.csrfToken = randomBytes(32).toString('base64url');
  return req.session.csrfToken;
}

/** A signed-in session accepts only its own token: the pre-sign-in one stops counting at sign-in. */
const expectedToken = (req: Request, preSignIn: PreSignInTokens) =>
  req.session?.csrfToken ?? (req.session?.auth ? undefined : preSignIn.expected(req));

function sameToken(expected: string | undefined, given: string | undefined): boolean {
  if (!expected || !given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

const refuse = (why: string) => new ApiError(403, 'CsrfTokenInvalid', `Request refused: ${why}. Reload the page and try again.`);

/** Origin is compared with the console's own origins, not with Host: a rebound name sends a matching pair. */
export function csrfProtection(consoleOrigins: ConsoleOrigins, preSignIn: PreSignInTokens): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const site = req.get('sec-fetch-site');
    if (site && site !== 'same-origin') return next(refuse(`it came from another site (${site})`));
    const origin = req.get('origin');
    if (origin && !consoleOrigins.origins(req).has(origin)) {
      return next(refuse(`its origin ${origin} is not this console's`));
    }
    if (!sameToken(expectedToken(req, preSignIn), req.get('x-csrf-token'))) {
      return next(refuse('the CSRF token is missing or wrong'));
    }
    next();
  };
}
