// One log line per API request once it is over: its id, method, path, status and duration. Neither headers
// nor bodies nor the query string are logged, so the line holds nothing to redact. (pino-http serialised the
// request with its headers into a child logger and redacted it, then did the same for the response: ~0.15 ms
// of every proxied call, for header values that were then replaced by "[redacted]".)
// `req.log` is the fully redacting logger, bound to the request id, made only when a handler logs.
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { unredactedLogger } from '../logging.ts';

declare module 'http' {
  interface IncomingMessage {
    /** This process's number for the request, in its log lines. */
    id: number;
    log: Logger;
  }
}

export function requestLog(logger: Logger, options: { only: (path: string) => boolean }): RequestHandler {
  const lines = unredactedLogger(logger);
  let lastId = 0;
  return (req, res, next) => {
    const id = ++lastId;
    req.id = id;
    let log: Logger | undefined;
    Object.defineProperty(req, 'log', { configurable: true, enumerable: false, get: () => (log ??= logger.child({ reqId: id })) });
    if (!options.only(req.path)) return next();
    const start = performance.now();
    const line = (level: 'info' | 'warn' | 'error', msg: string) => {
      const responseTime = Math.round((performance.now() - start) * 10) / 10;
      lines[level]({ reqId: id, method: req.method, path: req.originalUrl.split('?', 1)[0], status: res.statusCode, responseTime }, msg);
    };
    res.once('finish', () => line(res.statusCode >= 500 ? 'error' : 'info', 'request completed'));
    res.once('close', () => {
      if (!res.writableFinished) line('warn', 'request aborted');
    });
    next();
  };
}
