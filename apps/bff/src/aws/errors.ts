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

// The SDK names modelled errors after their shape (NoSuchEntityException); the wire code is what AWS
// documents and what people search for, so we report that.
const wireCodeOfShape: Record<string, string> = {
  CredentialReportNotPresentException: 'ReportNotPresent',
  CredentialReportExpiredException: 'ReportExpired',
  CredentialReportNotReadyException: 'ReportInProgress',
};

export function awsErrorCode(err: AwsErrorLike): string {
  return wireCodeOfShape[err.name] ?? err.name.replace(/(.)Exception$/, '$1');
}

/** "User: X is not authorized to perform: iam:ListUsers on resource: arn:… because …" → action and resource. */
export function parseAccessDenied(message: string): { action: string; resource: string } | undefined {
  const match = /perform:\s*(\S+)\s+on resource:\s*(\S+?)(?:\s+because|\s+with|$)/.exec(message);
  if (!match?.[1] || !match[2]) return undefined;
  return { action: match[1], resource: match[2] };
}

function readableMessage(code: string, awsMessage: string): string {
  if (code === 'AccessDenied') {
    const denied = parseAccessDenied(awsMessage);
    if (denied) return `You lack ${denied.action} on ${denied.resource} (AWS: ${awsMessage})`;
    return `You are not allowed to do this (AWS: ${awsMessage})`;
  }
  return awsMessage || code;
}

/** The `requestId` detail of an ApiError made from an AWS error (none when AWS sent none). */
export const requestIdOf = (err: AwsErrorLike) => (err.$metadata?.requestId ? { requestId: err.$metadata.requestId } : {});

/** AWS's message without its final full stop, for quoting inside a sentence of ours. */
export const trimEnd = (message: string): string => message.replace(/\.\s*$/, '');

export function awsErrorToApiError(err: AwsErrorLike): ApiError {
  const code = awsErrorCode(err);
  if (code === 'ExpiredToken') {
    return new ApiError(401, 'SessionExpired', `Your session has expired. Sign in again. (AWS: ${trimEnd(err.message)})`, requestIdOf(err));
  }
  // A session opened without MFA uses the access key itself: once that key is deactivated or deleted
  // (possibly from this very session), every call fails this way, and the only way on is a new sign-in.
  if (code === 'InvalidClientTokenId') {
    return new ApiError(401, 'SessionExpired', `The credentials of this session are no longer valid (was its access key deactivated or deleted?). Sign in again. (AWS: ${trimEnd(err.message)})`, requestIdOf(err));
  }
  // The endpoint's HTTP status is authoritative (IAM maps each code to one; IAM API Reference, "Common Errors").
  const status = err.$metadata?.httpStatusCode ?? (err.$fault === 'server' ? 502 : 400);
  return new ApiError(status, code, readableMessage(code, err.message), requestIdOf(err));
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * The SDK could not reach IAM/STS at all (no HTTP answer: the endpoint is down or misconfigured): its code
 * (ECONNREFUSED, ENOTFOUND, … or TimeoutError); undefined for any other error.
 */
export function networkErrorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; name?: unknown; cause?: { code?: unknown } } | undefined;
  for (const code of [e?.code, e?.cause?.code]) if (NETWORK_CODES.has(String(code))) return String(code);
  return e?.name === 'TimeoutError' ? 'TimeoutError' : undefined;
}
