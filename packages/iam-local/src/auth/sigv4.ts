// SigV4 verification: parse the Authorization header, check the date window, and recompute the signature of the
// received request. The canonical request comes from @smithy/signature-v4 (the signer the SDK itself uses), so
// both sides agree byte for byte; the signing key comes from a cache of prepared keys (signing-keys.ts).
import { hash, timingSafeEqual } from 'node:crypto';
import { Hash } from '@smithy/hash-node';
import { AMZ_DATE_HEADER, GENERATED_HEADERS, SHA256_HEADER, SignatureV4, getCanonicalHeaders } from '@smithy/signature-v4';
import { IamError } from '../errors.ts';
import { SigningKeyCache, signWith } from './signing-keys.ts';

/** The parts of a received HTTP request that the signature covers. Header names lower-case. */
export interface ReceivedRequest {
  method: string;
  /** The path as received (still percent-encoded). */
  path: string;
  /** The raw query string, without `?`. */
  query: string;
  headers: Readonly<Record<string, string | undefined>>;
  body: Buffer;
}

export interface SignatureParts {
  accessKeyId: string;
  /** Credential scope: date (yyyymmdd), region, service. */
  scopeDate: string;
  region: string;
  service: string;
  signedHeaders: readonly string[];
  signature: string;
  /** X-Amz-Date as sent (yyyymmddThhmmssZ) and as a Date. */
  amzDate: string;
  signingDate: Date;
  sessionToken: string | undefined;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
/** AWS accepts requests dated up to 15 minutes from its clock, either way. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

export function signatureMismatch(): IamError {
  return new IamError('SignatureDoesNotMatch', SIGNATURE_MISMATCH);
}

function incomplete(message: string): IamError {
  return new IamError('IncompleteSignature', message);
}

/** `20260101T000000Z` → Date; undefined when it is not that shape or not a real instant. */
export function parseAmzDate(text: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m as unknown as [string, string, string, string, string, string, string];
  const date = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s));
  return date.getUTCDate() === +d && date.getUTCHours() === +h ? date : undefined;
}

function amzDateOf(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/** Whether the request carries any SigV4 material at all (else MissingAuthenticationToken). */
export function hasAuthentication(request: ReceivedRequest): boolean {
  return request.headers['authorization'] !== undefined || /(^|&)X-Amz-Signature=/i.test(request.query);
}

/** Splits `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` and checks each part's shape. */
export function parseAuthorization(request: ReceivedRequest): SignatureParts {
  const header = request.headers['authorization'];
  if (header === undefined) {
    if (/(^|&)X-Amz-Signature=/i.test(request.query)) {
      throw incomplete('Presigned query-string authentication is not supported by this endpoint; sign the Authorization header.');
    }
    throw new IamError('MissingAuthenticationToken', 'Request is missing Authentication Token');
  }
  const space = header.indexOf(' ');
  const algorithm = space < 0 ? header : header.slice(0, space);
  if (algorithm !== ALGORITHM) throw incomplete(`Unsupported AWS 'algorithm': '${algorithm}'`);
  const fields = new Map<string, string>();
  for (const part of header.slice(space + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const amzDate = request.headers['x-amz-date'];
  const missing: string[] = [];
  if (!fields.get('Credential')) missing.push("Authorization header requires 'Credential' parameter.");
  if (!fields.get('Signature')) missing.push("Authorization header requires 'Signature' parameter.");
  if (!fields.get('SignedHeaders')) missing.push("Authorization header requires 'SignedHeaders' parameter.");
  if (amzDate === undefined) missing.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  if (missing.length > 0) throw incomplete(`${missing.join(' ')} Authorization=${header}`);

  const scope = (fields.get('Credential') as string).split('/');
  if (scope.length !== 5 || scope.some((s) => s === '')) {
    throw incomplete(`Authorization header requires 'Credential' parameter of the form <access key>/<date>/<region>/<service>/aws4_request. Authorization=${header}`);
  }
  const [accessKeyId, scopeDate, region, service, terminator] = scope as [string, string, string, string, string];
  if (terminator !== 'aws4_request') {
    throw new IamError('SignatureDoesNotMatch', `Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'.`);
  }
  const signingDate = parseAmzDate(amzDate as string);
  if (!signingDate) throw incomplete(`Date must be in ISO-8601 'basic format'. Got '${amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601`);
  if (scopeDate !== (amzDate as string).slice(0, 8)) {
    throw new IamError(
      'SignatureDoesNotMatch',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${(amzDate as string).slice(0, 8)}', from '${amzDate}'.`,
    );
  }
  const signedHeaders = (fields.get('SignedHeaders') as string).split(';');
  if (!signedHeaders.includes('host')) throw signatureMismatch();
  const signature = fields.get('Signature') as string;
  return {
    accessKeyId,
    scopeDate,
    region,
    service,
    signedHeaders,
    signature,
    amzDate: amzDate as string,
    signingDate,
    sessionToken: request.headers['x-amz-security-token'],
  };
}

/** "Signature expired: … is now earlier than … (… - 15 min.)", or not yet current, as AWS words both. */
export function checkSigningDate(parts: SignatureParts, now: Date): void {
  const skew = parts.signingDate.getTime() - now.getTime();
  if (skew < -MAX_CLOCK_SKEW_MS) {
    const limit = amzDateOf(new Date(now.getTime() - MAX_CLOCK_SKEW_MS));
    throw new IamError('SignatureDoesNotMatch', `Signature expired: ${parts.amzDate} is now earlier than ${limit} (${amzDateOf(now)} - 15 min.)`);
  }
  if (skew > MAX_CLOCK_SKEW_MS) {
    const limit = amzDateOf(new Date(now.getTime() + MAX_CLOCK_SKEW_MS));
    throw new IamError('SignatureDoesNotMatch', `Signature not yet current: ${parts.amzDate} is still later than ${limit} (${amzDateOf(now)} + 15 min.)`);
  }
}

function queryObject(query: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  if (query === '') return out;
  for (const [key, value] of new URLSearchParams(query)) {
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

/**
 * The SDK's own signer, used only for what must match the client byte for byte: the canonical request (path
 * normalisation, query and header canonicalisation). Key derivation and the HMACs are done here on prepared keys.
 */
type HttpRequest = Parameters<typeof getCanonicalHeaders>[0];
type HeaderBag = ReturnType<typeof getCanonicalHeaders>;

class Canonicalizer extends SignatureV4 {
  constructor() {
    super({ credentials: { accessKeyId: '', secretAccessKey: '' }, region: 'us-east-1', service: 'iam', sha256: Hash.bind(null, 'sha256'), applyChecksum: false });
  }

  canonicalRequest(request: HttpRequest, canonicalHeaders: HeaderBag, payloadHash: string): string {
    return this.createCanonicalRequest(request, canonicalHeaders, payloadHash);
  }
}

const canonicalizer = new Canonicalizer();
const defaultSigningKeys = new SigningKeyCache();

/** Recomputes the signature the client should have sent with `secretAccessKey`. */
export function expectedSignature(request: ReceivedRequest, parts: SignatureParts, secretAccessKey: string, signingKeys: SigningKeyCache = defaultSigningKeys): string {
  const headers: Record<string, string> = {};
  for (const name of parts.signedHeaders) {
    const value = request.headers[name];
    if (value === undefined) throw signatureMismatch();
    headers[name] = value;
  }
  const payloadHash = hash('sha256', request.body, 'hex');
  const declaredHash = headers[SHA256_HEADER];
  if (declaredHash !== undefined && declaredHash !== payloadHash) throw signatureMismatch();
  // As the SDK's signer prepares a request: the headers it writes itself are not taken from the request, and the
  // date it signs is X-Amz-Date in its own format (signed whether or not the client listed it).
  for (const generated of GENERATED_HEADERS) delete headers[generated];
  const longDate = amzDateOf(parts.signingDate);
  headers[AMZ_DATE_HEADER] = longDate;
  const shortDate = longDate.slice(0, 8);
  const canonicalHeaders = getCanonicalHeaders({ headers } as HttpRequest, undefined, new Set(parts.signedHeaders));
  const canonicalRequest = canonicalizer.canonicalRequest(
    { method: request.method, protocol: 'http:', hostname: headers['host'] ?? '', path: request.path, query: queryObject(request.query), headers, body: request.body },
    canonicalHeaders,
    payloadHash,
  );
  const scope = `${shortDate}/${parts.region}/${parts.service}/aws4_request`;
  const stringToSign = `${ALGORITHM}\n${longDate}\n${scope}\n${hash('sha256', canonicalRequest, 'hex')}`;
  const key = signingKeys.signingKey({ accessKeyId: parts.accessKeyId, scopeDate: shortDate, region: parts.region, service: parts.service }, secretAccessKey);
  return signWith(key, stringToSign);
}

/** Constant-time comparison of two hex signatures. */
export function signaturesMatch(expected: string, received: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(received, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
