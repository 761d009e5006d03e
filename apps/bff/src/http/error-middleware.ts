// The single place errors become responses: ApiError as is, AWS SDK errors mapped, zod → ValidationError.
import type { ErrorRequestHandler } from 'express';
import { z } from 'zod';
import { ApiError } from './api-error.ts';
import { awsErrorToApiError, isAwsError, networkErrorCode } from '../aws/errors.ts';

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof z.ZodError) {
    const details = err.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    const summary = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ');
    return new ApiError(400, 'ValidationError', `The request is not valid: ${summary}`, { details });
  }
  const networkCode = networkErrorCode(err);
  if (networkCode) {
    // The error's message names the endpoint's internal address: that goes to the log (5xx are logged), the
    // person gets the error code only.
    return new ApiError(502, 'EndpointUnreachable', `The console server cannot reach IAM/STS (${networkCode}). Try again; if it persists, the endpoint is down or misconfigured.`);
  }
  // After the network check: the SDK puts $metadata (attempts) on network errors too.
  if (isAwsError(err)) return awsErrorToApiError(err);
  // body-parser errors carry a status (400 bad JSON, 413 too large).
  const status = (err as { status?: unknown })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // JSON.parse's message quotes part of the input, which can be a secret (a sign-in body).
    if ((err as { type?: unknown }).type === 'entity.parse.failed') return new ApiError(status, 'BadRequest', 'The request body is not valid JSON.');
    return new ApiError(status, status === 413 ? 'PayloadTooLarge' : 'BadRequest', (err as Error).message);
  }
  return new ApiError(500, 'InternalError', 'Something went wrong in the console server.');
}

export const errorMiddleware: ErrorRequestHandler = (err, req, res, _next) => {
  const apiError = toApiError(err);
  if (apiError.status >= 500) req.log?.error({ err }, 'request failed');
  res.locals.apiError = apiError;
  // AWS said the temporary credentials expired (clock skew, revoked session): the sign-in is over.
  if (apiError.code === 'SessionExpired' && req.session?.auth) delete req.session.auth;
  if (res.headersSent) return;
  res.status(apiError.status).json({ error: apiError.toBody() });
};
