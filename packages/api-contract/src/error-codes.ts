// The error codes clients act on, without zod (the SPA imports these at run time).

/** Ours, plus the AWS wire codes clients check. The BFF reports AWS's wire code (`AccessDenied`), never the SDK's class name (`AccessDeniedException`). */
export const ERROR_CODES = {
  AccessDenied: 'AccessDenied',
  NoSuchEntity: 'NoSuchEntity',
  NotSignedIn: 'NotSignedIn',
  SessionExpired: 'SessionExpired',
  CsrfTokenInvalid: 'CsrfTokenInvalid',
  ValidationError: 'ValidationError',
  RateLimited: 'RateLimited',
  NotFound: 'NotFound',
  InvalidCredentials: 'InvalidCredentials',
  MfaRequired: 'MfaRequired',
  InvalidMfaCode: 'InvalidMfaCode',
  UnknownMfaDevice: 'UnknownMfaDevice',
  MfaSerialNumberRequired: 'MfaSerialNumberRequired',
  TemporaryKeyNotSupported: 'TemporaryKeyNotSupported',
  CredentialChainDisabled: 'CredentialChainDisabled',
  // Password sign-in (local mode)
  SignInFailed: 'SignInFailed',
  PasswordExpired: 'PasswordExpired',
  PasswordSignInUnavailable: 'PasswordSignInUnavailable',
  BadRequest: 'BadRequest',
  PayloadTooLarge: 'PayloadTooLarge',
  EndpointUnreachable: 'EndpointUnreachable',
  InternalError: 'InternalError',
  // My security credentials (/api/me, /api/session/mfa)
  LimitExceeded: 'LimitExceeded',
  InvalidAuthenticationCode: 'InvalidAuthenticationCode',
  PasswordPolicyViolation: 'PasswordPolicyViolation',
  ConfirmationRequired: 'ConfirmationRequired',
  AccessKeyActive: 'AccessKeyActive',
  NotPendingMfaDevice: 'NotPendingMfaDevice',
  NoOwnCredentials: 'NoOwnCredentials',
  MfaSessionNotPossible: 'MfaSessionNotPossible',
} as const;

/** 401 with one of these: the sign-in is over; the SPA asks for a new one. */
export const SESSION_LOST_CODES: ReadonlySet<string> = new Set([ERROR_CODES.NotSignedIn, ERROR_CODES.SessionExpired]);
