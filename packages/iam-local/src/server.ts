// The embedded IAM/STS endpoint: opens (or creates) the account in a data directory, seeds it on first start,
// and serves the AWS Query protocol over HTTP on 127.0.0.1. Usable in-process (BFF, tests) and by the CLI.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Authorizer } from './auth/authorizer.ts';
import { databaseCredentials } from './auth/credentials.ts';
import { ensureAccount, getAccount } from './model/account.ts';
import { openDatabase } from './model/db.ts';
import { purgeExpiredSessions } from './model/sts-sessions.ts';
import { operations as defaultOperations } from './operations/index.ts';
import type { AccountState, OperationTable } from './protocol/operation.ts';
import { createPipeline, type CallLogEntry, type CallRequest } from './protocol/pipeline.ts';
import { renderError } from './protocol/xml.ts';

export type SeedKind = 'demo' | 'scale' | 'none';

export interface IamServerOptions {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  dataDir: string;
  /** What to create on first start (an empty data directory): default `demo`. Ignored afterwards. */
  seed?: SeedKind;
  /** Users for `seed: 'scale'` (default 10,000). */
  users?: number;
  /** Account id for a new account (random 12 digits by default). */
  accountId?: string;
  /** One entry per call (no parameters, no secrets). */
  log?: (entry: CallLogEntry) => void;
  /** The clock; tests move it forward to expire temporary credentials. */
  now?: () => Date;
  /** Replaces the operation table (tests of the protocol layer). */
  operations?: OperationTable;
  /** Largest request body accepted, in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /**
   * How long generating a credential report takes, in ms (default 0). Meanwhile GenerateCredentialReport answers
   * INPROGRESS and GetCredentialReport 404 ReportInProgress, as AWS does while it builds a report.
   */
  credentialReportGenerationMs?: number;
  /** Problems that do not stop the start, such as a data directory we cannot make private (default: stderr). */
  warn?: (message: string) => void;
}

export interface IamServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  accountId: string;
  dataDir: string;
  /** `<data-dir>/credentials`: AWS shared credentials file with a `root` profile (and the seeded identities). */
  credentialsFile: string;
  /** Whether this start created the account (first start of the data directory). */
  created: boolean;
  state: AccountState;
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

function profile(name: string, key: { accessKeyId: string; secretAccessKey: string }): string {
  return `[${name}]\naws_access_key_id = ${key.accessKeyId}\naws_secret_access_key = ${key.secretAccessKey}\n`;
}

/** Writes a credentials file with the root profile when seeding did not write one (e.g. `--seed none`). */
function ensureCredentialsFile(state: AccountState, file: string): void {
  if (existsSync(file)) return;
  const root = getAccount(state.db)?.rootAccessKey;
  if (!root) return;
  writeFileSync(file, profile('root', root), { mode: 0o600 });
}

function sourceIpOf(request: IncomingMessage): string {
  const address = request.socket.remoteAddress ?? '127.0.0.1';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

function headersOf(request: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = Object.create(null) as Record<string, string | undefined>;
  for (const [name, value] of Object.entries(request.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

/** Reads the body up to `limit` bytes; undefined when it is larger (the caller answers 413 and drops the connection). */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    request.on('error', reject);
  });
}

export async function startIamServer(options: IamServerOptions): Promise<IamServer> {
  const databaseFile = join(options.dataDir, 'iam.sqlite');
  const newDataDir = !existsSync(databaseFile);
  const db = openDatabase(options.dataDir, options.warn ? { warn: options.warn } : {});
  const credentialsFile = join(options.dataDir, 'credentials');
  let account: ReturnType<typeof ensureAccount>;
  let state: AccountState;
  try {
    // Seeding happens on the first start of a data directory only; the demo account has a fixed id.
    const seed = options.seed ?? 'demo';
    const firstStart = getAccount(db) === undefined;
    // The seeding module (src/seed) is loaded only for a first start that seeds, so other starts do not pay for it.
    const seeder = firstStart && seed !== 'none' ? await import('./seed/index.ts') : undefined;
    const accountId = options.accountId ?? (seed === 'demo' ? seeder?.DEMO_ACCOUNT_ID : undefined);
    account = ensureAccount(db, accountId ? { accountId } : {});
    state = {
      db,
      accountId: account.accountId,
      dataDir: options.dataDir,
      ...(options.credentialReportGenerationMs ? { credentialReportGenerationMs: options.credentialReportGenerationMs } : {}),
    };
    if (account.created && seeder) {
      if (seed === 'demo') await seeder.seedDemo(state);
      else await seeder.seedScale(state, { users: options.users ?? 10_000 });
    }
    ensureCredentialsFile(state, credentialsFile);
  } catch (error) {
    db.close();
    // A first start that failed half-way (e.g. while seeding) leaves nothing behind, so the next start is a first
    // start again instead of an unseeded account. Only files this start created are removed.
    if (newDataDir) for (const suffix of ['', '-wal', '-shm']) rmSync(`${databaseFile}${suffix}`, { force: true });
    throw error;
  }

  const now = options.now ?? (() => new Date());
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  purgeExpiredSessions(db, now());
  const pipeline = createPipeline({
    state,
    operations: options.operations ?? defaultOperations,
    credentials: databaseCredentials(db, account.accountId),
    authorizer: new Authorizer(db),
    now,
    ...(options.log ? { log: options.log } : {}),
  });

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request, maxBody);
    if (body === undefined) {
      const requestId = crypto.randomUUID();
      response.writeHead(413, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId, connection: 'close' });
      response.end(renderError('iam', { type: 'Sender', code: 'RequestEntityTooLarge', message: `Request body must not exceed ${maxBody} bytes.` }, requestId));
      request.resume();
      response.on('finish', () => request.socket.destroySoon());
      return;
    }
    const url = request.url ?? '/';
    const q = url.indexOf('?');
    const call: CallRequest = {
      method: request.method ?? 'GET',
      path: q < 0 ? url : url.slice(0, q),
      query: q < 0 ? '' : url.slice(q + 1),
      headers: headersOf(request),
      body,
      sourceIp: sourceIpOf(request),
    };
    const result = await pipeline(call);
    response.writeHead(result.status, { ...result.headers, 'content-length': Buffer.byteLength(result.body) });
    response.end(result.body);
  }

  const server = createServer({ keepAliveTimeout: 5000 }, (request, response) => {
    serve(request, response).catch(() => {
      // Only the socket can fail here (client gone); the pipeline itself never throws.
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const purgeTimer = setInterval(() => purgeExpiredSessions(db, now()), PURGE_INTERVAL_MS);
  purgeTimer.unref();

  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    accountId: account.accountId,
    dataDir: options.dataDir,
    credentialsFile,
    created: account.created,
    state,
    close() {
      closing ??= new Promise<void>((resolve) => {
        clearInterval(purgeTimer);
        server.close(() => {
          db.close();
          resolve();
        });
        server.closeIdleConnections();
        // In-flight calls finish (they are short); connections still open after that are dropped.
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      });
      return closing;
    },
  };
}
