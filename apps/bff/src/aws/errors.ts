// Turns an error thrown by the AWS SDK into our error shape with a sentence a person understands.
import { ApiError } from '../http/api-error.ts';

export interface AwsErrorLike {
  name: string;
  message: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

export function isAwsError(err: unknown): err is AwsErrorLike {
  return (
    err instanceof Error &&
    typeof (err as { $metadata?: unknown }).$metadata === 'object' &&
    (err as { $metadata?: unknown }).$metadata !== null
  );
}

/** "User: X is not authorized to perform: iam:ListUsers on resource: arn:… because …" → action and resource. */
export function parseAccessDenied(message: string): { action: string; resource: string } | undefined {
  const match = /perform:\s*(\S+)\s+on resource:\s*(\S+?)(?:\s+because|\s+with|$)/.exec(message);
  if (!match?.[1] || !match[2]) return undefined;
  return { action: match[1], resource: match[2] };
}

function readableMessage(code: string, awsMessage: string): string {
  if (code === 'AccessDenied' || code === 'AccessDeniedException') {
    const denied = parseAccessDenied(awsMessage);
    if (denied) return `You lack ${denied.action} on ${denied.resource} (AWS: ${awsMessage})`;
    return `You are not allowed to do this (AWS: ${awsMessage})`;
  }
  if (code === 'ExpiredToken' || code === 'ExpiredTokenException') return 'Your session has expired. Sign in again.';
  return awsMessage || code;
}

export function awsErrorToApiError(err: AwsErrorLike, failedStep?: string): ApiError {
  const code = err.name;
  const requestId = err.$metadata?.requestId;
  if (code === 'ExpiredToken' || code === 'ExpiredTokenException') {
    return new ApiError(401, 'SessionExpired', readableMessage(code, err.message), { requestId });
  }
  // The endpoint's HTTP status is authoritative (IAM maps each code to one, see docs/domain.md).
  const status = err.$metadata?.httpStatusCode ?? (err.$fault === 'server' ? 502 : 400);
  const base = readableMessage(code, err.message);
  const message = failedStep ? `Step "${failedStep}" failed: ${base}` : base;
  return new ApiError(status, code, message, {
    ...(requestId ? { requestId } : {}),
    ...(failedStep ? { failedStep } : {}),
  });
}
