// Reading Query-protocol parameters in handlers, with AWS's validation wording:
//   1 validation error detected: Value at 'userName' failed to satisfy constraint: Member must have length less than or equal to 64
// Several failures are joined: "2 validation errors detected: …; …". IAM leaves the offending value out of the
// message; STS echoes it (`Value 'x' at 'roleSessionName' …`), so each rule says which style it wants.
import { IamError } from '../errors.ts';
import type { PageRequest } from '../model/keyset-page.ts';
import type { QueryParams } from './operation.ts';

export interface StringRule {
  /** The pattern as AWS's service model writes it (shown verbatim in the message); matched against the whole value. */
  pattern?: string;
  min?: number;
  max?: number;
  /** Allowed values (enum shapes): "Member must satisfy enum value set: [Active, Inactive]". */
  oneOf?: readonly string[];
  /** Echo the value in the message, as STS does (IAM does not). */
  echoValue?: boolean;
  /** Name used in the message when it is not the lower-camel form of the parameter name. */
  field?: string;
}

export interface NumberRule {
  min?: number;
  max?: number;
  echoValue?: boolean;
  field?: string;
}

/** One failed constraint, before it is worded into the envelope message. */
export interface ConstraintFailure {
  field: string;
  value: string | null;
  echoValue: boolean;
  constraint: string;
}

/** A ValidationError carrying its individual failures so several checks can be merged into one message. */
export class ValidationFailure extends IamError {
  readonly failures: readonly ConstraintFailure[];

  constructor(failures: readonly ConstraintFailure[]) {
    super('ValidationError', validationMessage(failures));
    this.failures = failures;
  }
}

function describeFailure(failure: ConstraintFailure): string {
  const value = failure.value === null ? 'Value null' : failure.echoValue ? `Value '${failure.value}'` : 'Value';
  return `${value} at '${failure.field}' failed to satisfy constraint: ${failure.constraint}`;
}

export function validationMessage(failures: readonly ConstraintFailure[]): string {
  const count = failures.length;
  return `${count} validation error${count === 1 ? '' : 's'} detected: ${failures.map(describeFailure).join('; ')}`;
}

/** `UserName` → `userName`, `Tags.member.2.Key` → `tags.2.member.key` (how AWS names members in messages). */
export function fieldName(param: string): string {
  const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
  const parts = param.split('.');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (part === 'member' && i + 1 < parts.length) {
      out.push(parts[i + 1] as string, 'member');
      i++;
    } else out.push(lower(part));
  }
  return out.join('.');
}

const compiled = new Map<string, RegExp>();

/** AWS model patterns are Java regexes matched against the whole value; these all read the same in JS `u` mode. */
function patternRegExp(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`, 'u');
    compiled.set(pattern, re);
  }
  return re;
}

function stringFailures(param: string, value: string, rule: StringRule): ConstraintFailure[] {
  const failures: ConstraintFailure[] = [];
  const base = { field: rule.field ?? fieldName(param), value, echoValue: rule.echoValue ?? false };
  // Lengths count code points, as Java's model validation does for these shapes.
  const length = [...value].length;
  if (rule.min !== undefined && length < rule.min) {
    failures.push({ ...base, constraint: `Member must have length greater than or equal to ${rule.min}` });
  }
  if (rule.max !== undefined && length > rule.max) {
    failures.push({ ...base, constraint: `Member must have length less than or equal to ${rule.max}` });
  }
  if (rule.pattern !== undefined && !patternRegExp(rule.pattern).test(value)) {
    failures.push({ ...base, constraint: `Member must satisfy regular expression pattern: ${rule.pattern}` });
  }
  if (rule.oneOf !== undefined && !rule.oneOf.includes(value)) {
    failures.push({ ...base, constraint: `Member must satisfy enum value set: [${rule.oneOf.join(', ')}]` });
  }
  return failures;
}

/** A required string parameter; absent → "Member must not be null". */
export function requireString(params: QueryParams, name: string, rule: StringRule = {}): string {
  const value = params[name];
  if (value === undefined) {
    throw new ValidationFailure([
      { field: rule.field ?? fieldName(name), value: null, echoValue: false, constraint: 'Member must not be null' },
    ]);
  }
  const failures = stringFailures(name, value, rule);
  if (failures.length > 0) throw new ValidationFailure(failures);
  return value;
}

/** An optional string parameter: undefined when absent, validated when present. */
export function optionalString(params: QueryParams, name: string, rule: StringRule = {}): string | undefined {
  return params[name] === undefined ? undefined : requireString(params, name, rule);
}

function numberFailure(param: string, value: string, rule: NumberRule, constraint: string): ValidationFailure {
  return new ValidationFailure([{ field: rule.field ?? fieldName(param), value, echoValue: rule.echoValue ?? false, constraint }]);
}

/** An optional integer parameter within [min, max]. */
export function optionalInt(params: QueryParams, name: string, rule: NumberRule = {}): number | undefined {
  const text = params[name];
  if (text === undefined) return undefined;
  if (!/^-?\d{1,15}$/.test(text.trim())) throw numberFailure(name, text, rule, 'Member must be a number');
  const value = Number(text.trim());
  if (rule.min !== undefined && value < rule.min) {
    throw numberFailure(name, text, rule, `Member must have value greater than or equal to ${rule.min}`);
  }
  if (rule.max !== undefined && value > rule.max) {
    throw numberFailure(name, text, rule, `Member must have value less than or equal to ${rule.max}`);
  }
  return value;
}

/** A required integer parameter within [min, max]. */
export function requireInt(params: QueryParams, name: string, rule: NumberRule = {}): number {
  const value = optionalInt(params, name, rule);
  if (value === undefined) {
    throw new ValidationFailure([{ field: rule.field ?? fieldName(name), value: null, echoValue: false, constraint: 'Member must not be null' }]);
  }
  return value;
}

/** An optional boolean parameter (`true` / `false`, as the SDKs send them). */
export function optionalBoolean(params: QueryParams, name: string): boolean | undefined {
  const text = params[name];
  if (text === undefined) return undefined;
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  throw new ValidationFailure([{ field: fieldName(name), value: text, echoValue: true, constraint: 'Member must be a boolean' }]);
}

/**
 * Runs several parameter checks and reports every failure at once, as AWS does:
 * `const [name, path] = validateAll(() => requireString(p, 'UserName', USER_NAME), () => optionalString(p, 'Path', PATH));`
 */
export function validateAll<T extends unknown[]>(...checks: { [K in keyof T]: () => T[K] }): T {
  const failures: ConstraintFailure[] = [];
  const results: unknown[] = [];
  // Constraint failures outrank other refusals (e.g. the sentence for an ARN of the wrong form), as the model's
  // validation runs before the service looks at values.
  let other: unknown;
  let failed = false;
  for (const check of checks) {
    try {
      results.push(check());
    } catch (error) {
      results.push(undefined);
      if (error instanceof ValidationFailure) failures.push(...error.failures);
      else if (!failed) {
        failed = true;
        other = error;
      }
    }
  }
  if (failures.length > 0) throw new ValidationFailure(failures);
  if (failed) throw other;
  return results as T;
}

function memberIndexes(params: QueryParams, prefix: string): Map<number, string> {
  // `${prefix}.member.N` or `${prefix}.member.N.Rest` → N; the map keeps each N's own key prefix.
  const indexes = new Map<number, string>();
  const head = `${prefix}.member.`;
  for (const key in params) {
    if (!key.startsWith(head)) continue;
    const match = /^(\d{1,6})(?:\.|$)/.exec(key.slice(head.length));
    if (!match) continue;
    const index = Number(match[1]);
    if (index >= 1) indexes.set(index, `${head}${match[1]}`);
  }
  return new Map([...indexes].sort((a, b) => a[0] - b[0]));
}

export interface ListRule {
  /** Most members allowed ("Member must have length less than or equal to 50"). */
  max?: number;
}

function checkListLength(name: string, length: number, rule: ListRule): void {
  if (rule.max !== undefined && length > rule.max) {
    throw new ValidationFailure([
      { field: fieldName(name), value: '', echoValue: false, constraint: `Member must have length less than or equal to ${rule.max}` },
    ]);
  }
}

/**
 * A list of structures: `Tags.member.1.Key=a&Tags.member.1.Value=b` → `[{ Key: 'a', Value: 'b' }]`, ordered by N.
 * Each member is itself a QueryParams (nested lists keep their `X.member.M` keys), so the same readers apply.
 */
export function listParam(params: QueryParams, name: string, rule: ListRule = {}): QueryParams[] {
  const members: QueryParams[] = [];
  for (const prefix of memberIndexes(params, name).values()) {
    const member: Record<string, string> = {};
    const head = `${prefix}.`;
    for (const key in params) {
      if (key.startsWith(head)) member[key.slice(head.length)] = params[key] as string;
    }
    members.push(member);
  }
  checkListLength(name, members.length, rule);
  return members;
}

/** A list of strings: `ActionNames.member.1=iam:GetUser&ActionNames.member.2=…` → in order of N. */
export function stringListParam(params: QueryParams, name: string, rule: ListRule = {}, itemRule: StringRule = {}): string[] {
  const values: string[] = [];
  for (const prefix of memberIndexes(params, name).values()) {
    const value = params[prefix];
    if (value !== undefined) values.push(value);
  }
  checkListLength(name, values.length, rule);
  const failures = values.flatMap((value, i) => stringFailures(`${name}.member.${i + 1}`, value, itemRule));
  if (failures.length > 0) throw new ValidationFailure(failures);
  return values;
}

/**
 * TagKeys.member.N of the Untag* operations (at most 50). A key outside the tag key shape fails the whole list, in
 * the words AWS uses for a constrained list member (recorded UntagRole answers): "Value at 'tagKeys' failed to
 * satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 128, …]".
 */
export function tagKeysParam(params: QueryParams, name = 'TagKeys'): string[] {
  const keys = stringListParam(params, name, { max: 50 });
  if (keys.some((key) => stringFailures(name, key, TAG_KEY).length > 0)) {
    const constraint =
      `Member must satisfy constraint: [Member must have length less than or equal to ${TAG_KEY.max}, ` +
      `Member must have length greater than or equal to ${TAG_KEY.min}, Member must satisfy regular expression pattern: ${TAG_KEY.pattern}, Member must not be null]`;
    throw new ValidationFailure([{ field: fieldName(name), value: '', echoValue: false, constraint }]);
  }
  return keys;
}

/** Tags.member.N.Key / Value, validated as IAM's Tag shape (key 1–128, value 0–256), at most `max` of them. */
export function tagsParam(params: QueryParams, name = 'Tags', max = 50): { Key: string; Value: string }[] {
  return listParam(params, name, { max }).map((member, i) => {
    const [Key, Value] = validateAll(
      () => requireString(member, 'Key', { ...TAG_KEY, field: `${fieldName(name)}.${i + 1}.member.key` }),
      () => requireString(member, 'Value', { ...TAG_VALUE, field: `${fieldName(name)}.${i + 1}.member.value` }),
    );
    return { Key, Value };
  });
}

// ---- pagination ---------------------------------------------------------------------------------------------

export const DEFAULT_MAX_ITEMS = 100;

/** Marker (1–320 chars) and MaxItems (1–1000, default 100) of a list request. */
export function pageRequest(params: QueryParams): PageRequest {
  const [marker, maxItems] = validateAll(
    () => optionalString(params, 'Marker', MARKER),
    () => optionalInt(params, 'MaxItems', { min: 1, max: 1000 }),
  );
  return { marker, maxItems: maxItems ?? DEFAULT_MAX_ITEMS };
}

const OFFSET_MARKER_PREFIX = 'o1:';

function decodeOffsetMarker(marker: string): number {
  const text = Buffer.from(marker, 'base64url').toString('utf8');
  const offset = text.startsWith(OFFSET_MARKER_PREFIX) ? Number(text.slice(OFFSET_MARKER_PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(offset) || offset < 0) throw new IamError('ValidationError', 'Invalid Marker.');
  return offset;
}

export interface PageResult<T> {
  items: T[];
  IsTruncated: boolean;
  Marker?: string;
}

/**
 * Marker/MaxItems over an in-memory list (small lists: a user's keys, a policy's versions…). Large lists page in SQL
 * instead (see model/keyset-page.ts) so a page costs the same whatever the account size.
 */
export function paginate<T>(items: readonly T[], request: PageRequest): PageResult<T> {
  const { marker, maxItems } = request;
  const start = marker === undefined ? 0 : decodeOffsetMarker(marker);
  const page = items.slice(start, start + maxItems);
  const end = start + page.length;
  if (end >= items.length) return { items: page, IsTruncated: false };
  return { items: page, IsTruncated: true, Marker: Buffer.from(OFFSET_MARKER_PREFIX + end, 'utf8').toString('base64url') };
}

// ---- documents ----------------------------------------------------------------------------------------------

/** Policy documents as IAM returns them: URL-encoded per RFC 3986 (encodeURIComponent plus `!'()*`). */
export function encodePolicyDocument(document: string): string {
  return encodeURIComponent(document).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

// ---- standard shapes (patterns and lengths from the IAM / STS service models) -----------------------------------

const NAME_PATTERN = '[\\w+=,.@-]+';

export const USER_NAME: StringRule = { pattern: NAME_PATTERN, min: 1, max: 64 };
export const ROLE_NAME: StringRule = { pattern: NAME_PATTERN, min: 1, max: 64 };
export const GROUP_NAME: StringRule = { pattern: NAME_PATTERN, min: 1, max: 128 };
export const POLICY_NAME: StringRule = { pattern: NAME_PATTERN, min: 1, max: 128 };
export const INSTANCE_PROFILE_NAME: StringRule = { pattern: NAME_PATTERN, min: 1, max: 128 };
export const VIRTUAL_MFA_DEVICE_NAME: StringRule = { pattern: NAME_PATTERN, min: 1, max: 226 };
export const PATH: StringRule = { pattern: '(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)', min: 1, max: 512 };
export const PATH_PREFIX: StringRule = { pattern: '\\u002F[\\u0021-\\u007E]*', min: 1, max: 512 };
export const ARN: StringRule = { min: 20, max: 2048 };
export const POLICY_DOCUMENT: StringRule = { pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+', min: 1, max: 131072 };
export const POLICY_VERSION_ID: StringRule = { pattern: 'v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?' };
export const POLICY_DESCRIPTION: StringRule = { max: 1000 };
export const ROLE_DESCRIPTION: StringRule = { pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*', max: 1000 };
export const TAG_KEY: StringRule = { pattern: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+', min: 1, max: 128 };
export const TAG_VALUE: StringRule = { pattern: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*', min: 0, max: 256 };
export const ACCESS_KEY_ID: StringRule = { pattern: '[\\w]+', min: 16, max: 128 };
export const STATUS: StringRule = { oneOf: ['Active', 'Inactive'] };
export const SERIAL_NUMBER: StringRule = { pattern: '[\\w+=/:,.@-]+', min: 9, max: 256 };
export const AUTHENTICATION_CODE: StringRule = { pattern: '[\\d]+', min: 6, max: 6 };
export const PASSWORD: StringRule = { pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+', min: 1, max: 128 };
export const ACCOUNT_ALIAS: StringRule = { pattern: '^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$', min: 3, max: 63 };
export const MARKER: StringRule = { pattern: '[\\u0020-\\u00FF]+', min: 1, max: 320 };
export const MAX_SESSION_DURATION = { min: 3600, max: 43200 } as const;

// STS shapes echo the offending value in messages.
export const ROLE_SESSION_NAME: StringRule = { pattern: '[\\w+=,.@-]*', min: 2, max: 64, echoValue: true };
export const SOURCE_IDENTITY: StringRule = { pattern: '[\\w+=,.@-]*', min: 2, max: 64, echoValue: true };
export const EXTERNAL_ID: StringRule = { pattern: '[\\w+=,.@:\\/-]*', min: 2, max: 1224, echoValue: true };
export const STS_SERIAL_NUMBER: StringRule = { ...SERIAL_NUMBER, echoValue: true };
export const TOKEN_CODE: StringRule = { pattern: '[\\d]*', min: 6, max: 6, echoValue: true };
export const STS_ARN: StringRule = { min: 20, max: 2048, echoValue: true };
export const SESSION_POLICY: StringRule = { pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+', min: 1, max: 2048, echoValue: true };
