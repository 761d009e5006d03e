// The embedded IAM/STS endpoint: opens (or creates) the account in a data directory, seeds it on first start,
// and serves the AWS Query protocol over HTTP on 127.0.0.1. Usable in-process (BFF, tests) and by the CLI.
import { createServer, type Server } from 'node:http';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import { Authorizer } from './auth/authorizer.ts';
import { databaseCredentials } from './auth/credentials.ts';
import { ensureAccount, getAccount } from './model/account.ts';
import { openDatabase } from './model/db.ts';
import { purgeExpiredSessions } from './model/sts-sessions.ts';
import { operations as defaultOperations } from './operations/index.ts';
import type { AccountState, OperationTable } from './protocol/operation.ts';
import { createRequestListener } from './protocol/http-handler.ts';
import { createPipeline, type CallLogEntry } from './protocol/pipeline.ts';
import { CONSOLE_SIGN_IN_PATH, createConsoleSignIn } from './local/console-sign-in.ts';
import { isLocalHost } from './local/local-host.ts';

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

/** Opens the account of the data directory, creating and seeding it on first start. */
async function openAccount(db: Database, options: IamServerOptions): Promise<{ account: ReturnType<typeof ensureAccount>; state: AccountState }> {
  // Seeding happens on the first start of a data directory only; the demo account has a fixed id.
  const seed = options.seed ?? 'demo';
  const firstStart = getAccount(db) === undefined;
  // The seeding module (src/seed) is loaded only for a first start that seeds, so other starts do not pay for it.
  const seeder = firstStart && seed !== 'none' ? await import('./seed/index.ts') : undefined;
  const accountId = options.accountId ?? (seed === 'demo' ? seeder?.DEMO_ACCOUNT_ID : undefined);
  const account = ensureAccount(db, accountId ? { accountId } : {});
  const state: AccountState = {
    db,
    accountId: account.accountId,
    dataDir: options.dataDir,
    ...(options.credentialReportGenerationMs ? { credentialReportGenerationMs: options.credentialReportGenerationMs } : {}),
  };
  if (account.created && seeder) {
    if (seed === 'demo') await seeder.seedDemo(state);
    else await seeder.seedScale(state, { users: options.users ?? 10_000 });
  }
  return { account, state };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export async function startIamServer(options: IamServerOptions): Promise<IamServer> {
  const databaseFile = join(options.dataDir, 'iam.sqlite');
  const newDataDir = !existsSync(databaseFile);
  const db = openDatabase(options.dataDir, options.warn ? { warn: options.warn } : {});
  const credentialsFile = join(options.dataDir, 'credentials');
  let opened: Awaited<ReturnType<typeof openAccount>>;
  try {
    opened = await openAccount(db, options);
    ensureCredentialsFile(opened.state, credentialsFile);
  } catch (error) {
    db.close();
    // A first start that failed half-way (e.g. while seeding) leaves nothing behind, so the next start is a first
    // start again instead of an unseeded account. Only files this start created are removed.
    if (newDataDir) for (const suffix of ['', '-wal', '-shm']) rmSync(`${databaseFile}${suffix}`, { force: true });
    throw error;
  }
  const { account, state } = opened;

  const now = options.now ?? (() => new Date());
  purgeExpiredSessions(db, now());
  const pipeline = createPipeline({
    state,
    operations: options.operations ?? defaultOperations,
    credentials: databaseCredentials(db, account.accountId),
    authorizer: new Authorizer(db),
    now,
    ...(options.log ? { log: options.log } : {}),
  });

  const queryApi = createRequestListener(pipeline, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  // The local-only console sign-in has a path of its own, so the Query API (any other path) stays as AWS's.
  const consoleSignIn = createConsoleSignIn({ state, now });
  const server = createServer({ keepAliveTimeout: 5000 }, (request, response) => {
    if (request.url?.split('?')[0] !== CONSOLE_SIGN_IN_PATH) return queryApi(request, response);
    const listening = server.address();
    if (!isLocalHost(request.headers.host, typeof listening === 'object' ? listening?.address : undefined)) {
      response.writeHead(421, { 'content-type': 'application/json', 'cache-control': 'no-store', connection: 'close' });
      response.end(JSON.stringify({ code: 'MisdirectedRequest', message: 'The console sign-in answers only requests addressed to this machine (localhost).' }));
      return;
    }
    consoleSignIn(request, response).catch(() => response.destroy());
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });
  await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
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
