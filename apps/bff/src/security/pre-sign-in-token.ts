// The CSRF token of a browser that is not signed in. Keeping it in a session would store a session for every
// anonymous visit (anyone could fill the store), so it is a signed double-submit token instead (OWASP CSRF
// Prevention Cheat Sheet, "Signed Double-Submit Cookie"): a random value in an HttpOnly cookie of its own, and
// the token is its HMAC under a key only the server has. A page of another site can neither read the cookie nor
// compute the token. At sign-in the session's own token takes over (csrf.ts) and this one stops counting.
import { createHmac, createSecretKey, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';

/** `__Host-` when Secure: a neighbouring subdomain cannot plant the cookie (RFC 6265bis, cookie prefixes). */
export const preSignInCookieName = (secure: boolean) => (secure ? '__Host-iam-console.csrf' : 'iam-console.csrf');

/** 32 random bytes, base64url. */
const NONCE = /^[A-Za-z0-9_-]{43}$/;

export interface PreSignInTokens {
  /** The token for this browser, setting its cookie when it has none yet. */
  issue(req: Request, res: Response): string;
  /** The token this request's cookie stands for; undefined without a (well-formed) cookie. */
  expected(req: Request): string | undefined;
}

export function preSignInTokens(options: { secret: string; secureCookie: boolean }): PreSignInTokens {
  const cookieName = preSignInCookieName(options.secureCookie);
  // A key of its own, derived from the cookie-signing secret, so the two uses never share one.
  const key = createSecretKey(createHmac('sha256', options.secret).update('iam-console pre-sign-in CSRF token').digest());
  const tokenOf = (nonce: string) => createHmac('sha256', key).update(nonce).digest('base64url');
  const nonceOf = (req: Request) => {
    const value = cookieValue(req.headers.cookie, cookieName);
    return value !== undefined && NONCE.test(value) ? value : undefined;
  };
  return {
    issue(req, res) {
      let nonce = nonceOf(req);
      if (!nonce) {
        nonce = randomBytes(32).toString('base64url');
        // No expiry: it lasts while the browser runs, as the sign-in form it serves.
        res.cookie(cookieName, nonce, { httpOnly: true, sameSite: 'strict', secure: options.secureCookie, path: '/' });
      }
      return tokenOf(nonce);
    },
    expected(req) {
      const nonce = nonceOf(req);
      return nonce === undefined ? undefined : tokenOf(nonce);
    },
  };
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}
