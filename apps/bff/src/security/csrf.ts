// CSRF defence for state-changing requests: a synchronizer token kept in the session and sent back
// in the x-csrf-token header, plus a same-origin check on Origin and Sec-Fetch-Site.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { ApiError } from '../http/api-error.ts';
import type { ConsoleOrigins } from './console-origins.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function ensureCsrfToken(req: Request): string {
  req.session.csrfToken ??= randomBytes(32).toString('base64url');
  return req.session.csrfToken;
}

function sameToken(expected: string | undefined, given: string | undefined): boolean {
  if (!expected || !given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

const refuse = (why: string) => new ApiError(403, 'CsrfTokenInvalid', `Request refused: ${why}. Reload the page and try again.`);

/** Origin is compared with the console's own origins, not with Host: a rebound name sends a matching pair. */
export function csrfProtection(consoleOrigins: ConsoleOrigins): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const site = req.get('sec-fetch-site');
    if (site && site !== 'same-origin') return next(refuse(`it came from another site (${site})`));
    const origin = req.get('origin');
    if (origin && !consoleOrigins.origins(req).has(origin)) {
      return next(refuse(`its origin ${origin} is not this console's`));
    }
    if (!sameToken(req.session?.csrfToken, req.get('x-csrf-token'))) {
      return next(refuse('the CSRF token is missing or wrong'));
    }
    next();
  };
}
