// AWS's error codes and the error that refuses a request in their terms. Every layer throws it (model, auth,
// protocol, operations), so this module imports nothing of the endpoint.

/** AWS error codes with the HTTP status IAM and STS answer them with. */
export const ERROR_STATUS: Readonly<Record<string, number>> = {
  NoSuchEntity: 404,
  EntityAlreadyExists: 409,
  DeleteConflict: 409,
  LimitExceeded: 409,
  ConcurrentModification: 409,
  EntityTemporarilyUnmodifiable: 409,
  InvalidInput: 400,
  MalformedPolicyDocument: 400,
  PasswordPolicyViolation: 400,
  ValidationError: 400,
  InvalidAction: 400,
  MissingAction: 400,
  InvalidParameterValue: 400,
  InvalidParameterCombination: 400,
  MissingParameter: 400,
  UnrecognizedClient: 403,
  IncompleteSignature: 400,
  InvalidAuthenticationCode: 403,
  AccessDenied: 403,
  InvalidClientTokenId: 403,
  SignatureDoesNotMatch: 403,
  ExpiredToken: 403,
  RequestEntityTooLarge: 413,
  MalformedQueryString: 400,
  MissingAuthenticationToken: 403,
  ReportNotPresent: 410,
  ReportExpired: 410,
  ReportInProgress: 404,
  UnmodifiableEntity: 400,
  PolicyNotAttachable: 400,
  PackedPolicyTooLarge: 400,
  RegionDisabledException: 403,
  PolicyEvaluation: 500,
  ServiceFailure: 500,
};

/** A refusal in AWS's terms. The protocol layer renders it as the error envelope. */
export class IamError extends Error {
  readonly code: string;
  readonly status: number;
  readonly type: 'Sender' | 'Receiver';

  constructor(code: string, message: string, status?: number) {
    super(message);
    this.name = 'IamError';
    this.code = code;
    this.status = status ?? ERROR_STATUS[code] ?? 400;
    this.type = this.status >= 500 ? 'Receiver' : 'Sender';
  }
}
