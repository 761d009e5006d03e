// Records every state-changing /api request in the audit log once its response is finished.
// Routes name the operation and target with `audited(...)`; the outcome comes from the response.
import type { Request, RequestHandler } from 'express';
import type { AuditLog } from './audit-log.ts';
import type { Logger } from 'pino';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function auditTrail(auditLog: AuditLog, clock: () => number, logger: Logger): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    res.locals.awsRequestIds ??= [];
    res.on('finish', () => {
      const apiError = res.locals.apiError;
      const ids = res.locals.awsRequestIds ?? [];
      try {
        auditLog.append({
          time: new Date(clock()).toISOString(),
          callerArn: res.locals.identity?.arn ?? null,
          operation: res.locals.audit?.operation ?? `${req.method} ${req.originalUrl.split('?')[0]}`,
          target: res.locals.audit?.target ?? '',
          result: res.statusCode < 400 ? 'success' : 'failure',
          errorCode: apiError?.code,
          awsRequestId: apiError?.extra.requestId ?? ids.at(-1),
          httpStatus: res.statusCode,
        });
      } catch (err) {
        logger.error({ err }, 'could not write the audit log');
      }
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
