// Records every state-changing /api request in the audit log before its answer is written.
// Routes name the operation and target with `audited(...)`; the outcome comes from the response.
// Requests without a signed-in caller are counted per client address rather than written one by one
// (anonymous-tally.ts).
import { ipKeyGenerator } from 'express-rate-limit';
import type { Request, RequestHandler } from 'express';
import type { AuditEntryInput, AuditStore } from './audit-store.ts';
import { AnonymousTally, DEFAULT_TALLY } from './anonymous-tally.ts';
import type { TallyOptions } from './anonymous-tally.ts';
import type { Logger } from 'pino';
import { beforeHeaders } from '../http/before-headers.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The client's address as the sign-in rate limit counts it: IPv4 as is, IPv6 by its /56. */
const sourceOf = (req: Request) => (req.ip ? ipKeyGenerator(req.ip) : 'an unknown address');

export function auditTrail(auditLog: AuditStore, clock: () => number, logger: Logger, tallyOptions: TallyOptions = DEFAULT_TALLY): RequestHandler {
  const failed = (err: unknown) => {
    logger.error({ err }, 'could not write the audit log');
    return false;
  };
  // SQLite commits before append returns; PostgreSQL when its promise resolves.
  const write = (entry: AuditEntryInput): boolean | Promise<boolean> => {
    try {
      const appended = auditLog.append(entry);
      return appended instanceof Promise ? appended.then(() => true, failed) : true;
    } catch (err) {
      return failed(err);
    }
  };
  const anonymous = new AnonymousTally(write, tallyOptions);
  // A window's counts are written when it ends, also when no request comes to notice.
  const timer = setInterval(() => anonymous.flushDue(clock()), tallyOptions.windowMs).unref();
  auditLog.beforeClose(() => {
    clearInterval(timer);
    anonymous.flush(clock());
  });
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    res.locals.awsRequestIds ??= [];
    // Before the answer's first byte, not on 'finish' (once it is sent): an answer the client got means its
    // entry is committed, even if the process is killed right after.
    beforeHeaders(res, () => {
      const apiError = res.locals.apiError;
      const ids = res.locals.awsRequestIds ?? [];
      const now = clock();
      const entry: AuditEntryInput = {
        time: new Date(now).toISOString(),
        callerArn: res.locals.identity?.arn ?? null,
        operation: res.locals.audit?.operation ?? `${req.method} ${req.originalUrl.split('?')[0]}`,
        target: res.locals.audit?.target ?? '',
        result: res.statusCode < 400 ? 'success' : 'failure',
        errorCode: apiError?.code,
        awsRequestId: apiError?.extra.requestId ?? ids.at(-1),
        httpStatus: res.statusCode,
      };
      anonymous.flushDue(now);
      if (!entry.callerArn) {
        // Written as an entry of its own: held until committed too (a failure is logged, the answer still goes out).
        const written = anonymous.record(sourceOf(req), entry, now);
        return written instanceof Promise ? written.then(() => undefined) : undefined;
      }
      // No answer without its entry: the client sees the request fail, as if the BFF had stopped before answering.
      // An entry still being committed holds the answer until it is.
      const written = write(entry);
      if (written === false) res.destroy();
      else if (written !== true) return written.then((ok) => (ok ? undefined : Promise.reject(new Error('audit entry not written'))));
    });
    next();
  };
}

/** Route-level: names the operation and its target for the audit entry. */
export function audited(operation: string, target: (req: Request) => string = () => ''): RequestHandler {
  return (req, res, next) => {
    let described = '';
    try {
      described = target(req);
    } catch {
      described = '';
    }
    res.locals.audit = { operation, target: described };
    next();
  };
}
