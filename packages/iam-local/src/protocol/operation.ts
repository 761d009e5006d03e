// The contract between the protocol layer (HTTP, SigV4, authorization, XML) and the operations.
// An operation is a plain function: parsed Query parameters in, a result tree out; it throws IamError to refuse.
import type { Database } from 'better-sqlite3';
import type { Authorizer } from '../auth/authorizer.ts';

/** Flat Query-protocol parameters as sent on the wire: `Tags.member.1.Key` → value. */
export type QueryParams = Readonly<Record<string, string>>;

/** The authenticated caller of a request. */
export interface Caller {
  kind: 'root' | 'user' | 'assumed-role';
  accountId: string;
  /** ARN as AWS reports it: `arn:aws:iam::123456789012:root`, `…:user/path/name`, `arn:aws:sts::…:assumed-role/Role/session`. */
  arn: string;
  /** AIDA… for users, `AROA…:session` for assumed roles, the account id for root. */
  userId: string;
  /** IAM user name (users only). */
  userName?: string;
  /** Role name and session name (assumed roles only). */
  roleName?: string;
  sessionName?: string;
  accessKeyId: string;
  /** Temporary credentials carry MFA facts from GetSessionToken / AssumeRole. */
  temporary: boolean;
  mfaAuthenticatedAt?: Date;
  /** Session policy passed to AssumeRole, if any (JSON text). */
  sessionPolicy?: string;
  /** Tags of the principal, for aws:PrincipalTag. */
  principalTags?: Record<string, string>;
  /** IAM user path (users only), e.g. `/division/`. */
  userPath?: string;
  /** The assumed role's ARN with its path and its unique id (assumed roles only). */
  roleArn?: string;
  roleId?: string;
  /** Session tags passed to AssumeRole (assumed roles only); they override the role's tags of the same key. */
  sessionTags?: Record<string, string>;
  /** Keys of sessionTags that are transitive: they pass on to sessions chained from this one. */
  transitiveTagKeys?: string[];
  /** SourceIdentity set on AssumeRole (assumed roles only). */
  sourceIdentity?: string;
  /** When the temporary credentials were issued (aws:TokenIssueTime). */
  tokenIssuedAt?: Date;
  /** When the temporary credentials expire. */
  expiresAt?: Date;
}

/** The account's persistent state handed to every operation. */
export interface AccountState {
  /** The SQLite database (better-sqlite3, WAL) holding everything. */
  db: Database;
  accountId: string;
  dataDir: string;
}

export interface OperationContext {
  state: AccountState;
  caller: Caller;
  requestId: string;
  now: Date;
  /** Region from the SigV4 credential scope. */
  region: string;
  /** Source IP of the request (aws:SourceIp). */
  sourceIp: string;
  /**
   * The server's authorizer, for operations that decide more than "may the caller call this" (AssumeRole evaluates
   * the role's trust policy; the simulator evaluates other principals). Set by the protocol layer.
   */
  authorizer?: Authorizer;
}

/**
 * A map rendered as AWS renders map shapes (e.g. GetAccountSummary's SummaryMap):
 * `<entry><key>Users</key><value>3</value></entry>…`.
 */
export class XmlMap {
  readonly entries: readonly (readonly [string, XmlValue])[];

  constructor(entries: readonly (readonly [string, XmlValue])[]) {
    this.entries = entries;
  }
}

/**
 * A large blob (the credential report's CSV) rendered as its base64 text inside a CDATA section. AWS writes blobs as
 * plain element text; the XML infoset is the same, but the SDK's XML parser reads plain text a character at a time
 * (about 100 ns each: over 300 ms for a 10,000-user report) while it takes a CDATA section in one slice.
 */
export class XmlLargeBlob {
  readonly base64: string;

  constructor(data: Buffer) {
    this.base64 = data.toString('base64');
  }
}

/**
 * A result tree rendered into `<OpResult>`: arrays become `<member>` lists, Dates ISO 8601 (no milliseconds unless
 * non-zero), booleans `true`/`false`, null/undefined are left out, XmlMap becomes `<entry>` pairs, XmlLargeBlob a CDATA section.
 */
export type XmlValue = string | number | boolean | Date | null | undefined | XmlMap | XmlLargeBlob | XmlValue[] | { [key: string]: XmlValue };
export type OperationResult = { [key: string]: XmlValue } | undefined;

/** What an operation needs to be authorized: the IAM action and the resource ARN(s) it touches. */
export interface AuthorizationTarget {
  action: string; // e.g. "iam:CreateUser"
  resource: string; // ARN, or "*"
  /** Extra request context keys, e.g. iam:PolicyARN, iam:PermissionsBoundary, aws:RequestTag/…, aws:TagKeys. */
  context?: Record<string, string | string[]>;
}

/**
 * One operation. `parse` reads the parameters it needs and checks them against the service model (required members,
 * lengths, patterns, enums, numbers) and shapes that need no state (a policy ARN's form); the pipeline runs it
 * before authorization, as AWS does, so a malformed request gets ValidationError even from a caller who may not call
 * the action. `handle` only sees what `parse` returned, so nothing it uses escapes that check.
 */
export interface OperationDefinition<Input = unknown> {
  service: 'iam' | 'sts';
  /** Throws ValidationFailure (params.ts) or IamError; touches no state. */
  parse(params: QueryParams): Input;
  /** Computes the authorization target(s) from the raw parameters; each must be allowed. Empty = no permission needed. */
  authorize(params: QueryParams, ctx: OperationContext): AuthorizationTarget[];
  handle(input: Input, ctx: OperationContext): OperationResult | Promise<OperationResult>;
}

/** Declares an operation with its input type inferred from `parse` (the table itself holds them type-erased). */
export function operation<Input>(definition: OperationDefinition<Input>): OperationDefinition<Input> {
  return definition;
}

/** `parse` of an operation that takes no parameters. */
export function noParameters(): undefined {
  return undefined;
}

/** Action name (e.g. `ListUsers`) → its definition. Each area exports one; operations/index.ts merges them. */
export type OperationTable = Readonly<Record<string, OperationDefinition>>;

/** AWS error codes with their HTTP status (domain.md). */
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
