// The session cookie's name and attributes. When it is Secure (served through TLS) its name carries the __Host-
// prefix: browsers then accept it only with Secure, Path=/ and no Domain, so a sibling subdomain or a plain-HTTP
// page cannot set or shadow it (RFC 6265bis, "Cookie Name Prefixes"). Without TLS the prefix would make browsers
// drop the cookie, so a loopback console keeps the plain name.
import type { CookieOptions, Response } from 'express';
import { SESSION_COOKIE } from './session-data.ts';

export interface SessionCookie {
  name: string;
  /** Attributes for express-session (which adds the expiry). */
  options: CookieOptions & { path: '/' };
  /** Tells the browser to drop the cookie (sign-out); the attributes must match for a __Host- cookie. */
  clear(res: Response): void;
}

export function sessionCookie(secure: boolean): SessionCookie {
  const options = { httpOnly: true, sameSite: 'strict' as const, secure, path: '/' as const };
  const name = secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
  return { name, options, clear: (res) => void res.clearCookie(name, options) };
}
