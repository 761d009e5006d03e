// The contract between the protocol layer (HTTP, SigV4, authorization, XML) and the operations.
// An operation is a plain function: parsed Query parameters in, a result tree out; it throws IamError (errors.ts)
// to refuse.
import type { Database } from 'better-sqlite3';
import type { AuthorizationTarget, Authorizer } from '../auth/authorizer.ts';
import type { Caller } from '../auth/caller.ts';

/** Flat Query-protocol parameters as sent on the wire: `Tags.member.1.Key` → value. */
export type QueryParams = Readonly<Record<string, string>>;

/** The account's persistent state handed to every operation. */
export interface AccountState {
  /** The SQLite database (better-sqlite3, WAL) holding everything. */
  db: Database;
  accountId: string;
  dataDir: string;
  /** How long generating a credential report takes (default 0: complete at once). */
  credentialReportGenerationMs?: number;
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
