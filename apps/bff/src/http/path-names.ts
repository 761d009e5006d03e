// Names and ids travel as URL path segments, where `.` and `..` are steps, not names: browsers, fetch and
// proxies resolve them (also written %2e%2e) before the request leaves, so /api/users/eve/groups/.. arrives as
// /api/users/eve/ (WHATWG URL Standard, "single-dot / double-dot URL path segment"; RFC 3986 §5.2.4).
// IAM allows such names, so a client sends a segment that is `.` or `..` or starts with `~` with a `~` in
// front; the `~` is removed here. A bare `.`/`..` is refused rather than taken for a name.
import { Router } from 'express';
import { ApiError } from './api-error.ts';

const ESCAPE = '~';

/** The name a decoded path segment stands for; 400 ValidationError for a bare `.` or `..`. */
export function nameFromSegment(segment: string, param: string): string {
  if (segment === '.' || segment === '..') {
    const message = `"${segment}" is a path step, not a name: send the name ${segment} as ${ESCAPE}${segment}`;
    throw new ApiError(400, 'ValidationError', `The request is not valid: ${param}: ${message}`, { details: [{ path: param, message }] });
  }
  return segment.startsWith(ESCAPE) ? segment.slice(ESCAPE.length) : segment;
}

/** Every path parameter of the resource routers; each is decoded by nameFromSegment before any handler runs. */
export const PATH_PARAMS = ['userName', 'groupName', 'roleName', 'policyName', 'policyArn', 'accessKeyId', 'serialNumber', 'versionId'] as const;

/**
 * A router for /api/<resource>: path parameters decoded as above, and strict routing, so /users/eve/ (what
 * /users/eve/groups/.. becomes) matches no route instead of DELETE /users/:userName.
 */
export function resourceRouter(): Router {
  const router = Router({ strict: true });
  for (const param of PATH_PARAMS) {
    router.param(param, (req, _res, next, value: string) => {
      req.params[param] = nameFromSegment(value, param);
      next();
    });
  }
  return router;
}
