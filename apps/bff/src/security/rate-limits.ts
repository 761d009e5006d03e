// Sign-in throttles: failed attempts per client IP and per access key id (or demo identity).
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Store } from 'express-rate-limit';
import type { Request, RequestHandler } from 'express';
import { ApiError } from '../http/api-error.ts';

export interface SignInLimits {
  windowMs: number;
  perIp: number;
  perAccessKey: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { windowMs: 15 * 60_000, perIp: 50, perAccessKey: 10 };

// Counted before the body is validated: only values the sign-in could accept become a counter's key, so no
// request makes the counters hold half a megabyte it sent (the per-IP limit counts the others).
const COUNTABLE_KEY_ID = /^[A-Z0-9]{16,128}$/;
const DEMO_ID_MAX = 128;

function accessKeyOf(req: Request): string | undefined {
  const body = req.body as { accessKeyId?: unknown; demoIdentity?: unknown } | undefined;
  if (typeof body?.accessKeyId === 'string') return COUNTABLE_KEY_ID.test(body.accessKeyId) ? `key:${body.accessKeyId}` : undefined;
  if (typeof body?.demoIdentity === 'string' && body.demoIdentity.length <= DEMO_ID_MAX) return `demo:${body.demoIdentity}`;
  return undefined;
}

function limited(what: string, windowMs: number): ApiError {
  const minutes = Math.ceil(windowMs / 60_000);
  return new ApiError(429, 'RateLimited', `Too many failed sign-in attempts ${what}. Wait up to ${minutes} minutes and try again.`);
}

/** `makeStore` (Redis) shares the counts between BFF instances; without it they live in this process. */
export function signInRateLimits(limits: SignInLimits, makeStore?: (prefix: string) => Store): RequestHandler[] {
  const common = { windowMs: limits.windowMs, skipSuccessfulRequests: true, standardHeaders: 'draft-8' as const, legacyHeaders: false };
  return [
    rateLimit({
      ...common,
      ...(makeStore ? { store: makeStore('ip:') } : {}),
      limit: limits.perIp,
      keyGenerator: (req) => ipKeyGenerator(req.ip ?? 'unknown'),
      handler: (_req, _res, next) => next(limited('from your address', limits.windowMs)),
    }),
    rateLimit({
      ...common,
      ...(makeStore ? { store: makeStore('key:') } : {}),
      limit: limits.perAccessKey,
      skip: (req) => accessKeyOf(req) === undefined,
      keyGenerator: (req) => accessKeyOf(req) ?? '',
      handler: (_req, _res, next) => next(limited('for this access key', limits.windowMs)),
    }),
  ];
}
