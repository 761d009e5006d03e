import { ERROR_CODES, SESSION_LOST_CODES } from '@iam-console/api-contract/error-codes.ts';
import type { ErrorBody, ErrorDetail } from '@iam-console/api-contract/error.ts';

export { SESSION_LOST_CODES };
export type ApiErrorDetail = ErrorDetail;

/**
 * The contract's error body; `status` 0 and `cause` for failures the SPA itself meets (no answer at all), and
 * any further field a newer BFF may add.
 */
export interface ApiErrorBody extends ErrorBody {
  cause?: string;
  [extra: string]: unknown;
}

/** The BFF's `{ error: {...} }` shape as a throwable, so queries and mutations surface it unchanged. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly requestId: string | undefined;
  readonly details: ApiErrorDetail[];
  readonly body: ApiErrorBody;

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.status = body.status;
    this.requestId = body.requestId;
    this.details = body.details ?? [];
    this.body = body;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** IAM refused: the BFF reports AWS's wire code `AccessDenied` (never the SDK's `AccessDeniedException`). */
export function isAccessDenied(error: unknown): boolean {
  return isApiError(error) && error.code === ERROR_CODES.AccessDenied;
}

/** Reads an error response; never throws, whatever the server (or a proxy in between) sent. */
export async function parseErrorResponse(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const error = (parsed as { error?: unknown } | undefined)?.error;
  if (error && typeof error === 'object' && typeof (error as ApiErrorBody).message === 'string') {
    const body = error as ApiErrorBody;
    return new ApiError({
      ...body,
      code: typeof body.code === 'string' ? body.code : `Http${response.status}`,
      status: typeof body.status === 'number' ? body.status : response.status,
      requestId: typeof body.requestId === 'string' && body.requestId ? body.requestId : undefined,
      details: Array.isArray(body.details) ? body.details : undefined,
    });
  }
  const statusText = response.statusText ? ` ${response.statusText}` : '';
  return new ApiError({
    message: `The console server answered ${response.status}${statusText} without an explanation.`,
    code: `Http${response.status}`,
    status: response.status,
    requestId: response.headers.get('x-amzn-requestid') ?? response.headers.get('x-request-id') ?? undefined,
  });
}
