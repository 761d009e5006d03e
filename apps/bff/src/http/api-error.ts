// The one error shape every /api response uses: { error: { message, code, status, requestId?, details?, failedStep? } }.
export interface ErrorDetail {
  path: string;
  message: string;
}

export interface ErrorBody {
  message: string;
  code: string;
  status: number;
  requestId?: string;
  details?: ErrorDetail[];
  failedStep?: string;
  mfaSerialNumber?: string;
  /** Sign-in: every MFA device of the user (MfaRequired, UnknownMfaDevice). */
  mfaSerialNumbers?: string[];
}

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
