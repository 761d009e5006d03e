// The one error shape every /api response uses: { error: ErrorBody }, as the API contract defines it.
import type { ErrorBody } from '@iam-console/api-contract/error.ts';

export type { ErrorBody };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly extra: Omit<ErrorBody, 'message' | 'code' | 'status'>;

  constructor(status: number, code: string, message: string, extra: Omit<ErrorBody, 'message' | 'code' | 'status'> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.extra = extra;
  }

  toBody(): ErrorBody {
    return { message: this.message, code: this.code, status: this.status, ...this.extra };
  }
}

export const notSignedIn = () => new ApiError(401, 'NotSignedIn', 'You are not signed in.');
export const sessionExpired = () =>
  new ApiError(401, 'SessionExpired', 'Your session has expired. Sign in again.');
export const notFound = (what: string) => new ApiError(404, 'NotFound', `${what} was not found.`);
