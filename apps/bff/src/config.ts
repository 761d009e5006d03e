// Runtime configuration, read once from the environment and validated, so a typo fails at start-up
// with a clear message instead of as a strange behaviour later.
import { resolve } from 'node:path';
import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const optionalUrl = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v))
  .pipe(z.url().optional());

/**
 * The console's address as browsers reach it: origins only (scheme, host, port), served at the root; several
 * separated by commas.
 */
const publicUrls = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(',').map((u) => u.trim()).filter(Boolean))
  .pipe(
    z.array(
      z.url({ protocol: /^https?$/, error: (issue) => `${String(issue.input)} is not an http(s) URL` }).refine(
        (u) => {
          if (!URL.canParse(u)) return true; // reported by z.url already
          const url = new URL(u);
          return !url.username && !url.password && url.pathname === '/' && !url.search && !url.hash;
        },
        { error: (issue) => `${String(issue.input)} must be an origin only (e.g. https://iam.example.com): the console is served at the root` },
      ),
    ),
  )
  .transform((urls) => [...new Set(urls.map((u) => new URL(u).origin))]);

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: publicUrls,
  DATA_DIR: z.string().min(1).default('.data/bff'),
  AWS_ENDPOINT_URL_IAM: optionalUrl,
  AWS_ENDPOINT_URL_STS: optionalUrl,
  AWS_REGION: z.string().min(1).default('us-east-1'),
  IAM_CONSOLE_LOCAL_DEMO: z.string().optional().transform((v) => (v ? v : undefined)),
  REDIS_URL: optionalUrl,
  DATABASE_URL: optionalUrl,
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().positive().max(36).default(12),
  SESSION_ENCRYPTION_KEY: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || decodeKey(v) !== undefined, {
      message: 'must be 32 bytes, as 64 hex characters or base64',
    }),
  IAM_CONSOLE_USE_CREDENTIAL_CHAIN: flag,
  IAM_CONSOLE_ALLOW_REMOTE_UNAUTHENTICATED_SIGN_IN: flag,
  STATIC_DIR: z.string().min(1).default(resolve(import.meta.dirname, '../../web/dist')),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: flag,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  /**
   * Origins (https://iam.example.com) the console answers at besides http://localhost, 127.0.0.1 and [::1] and
   * HOST, each on the port it listens on. A request for any other host name is refused (DNS rebinding).
   */
  publicOrigins: string[];
  dataDir: string;
  region: string;
  iamEndpoint: string | undefined;
  stsEndpoint: string | undefined;
  /** Path of demo-identities.json; set means local mode (demo sign-ins offered). */
  localDemoFile: string | undefined;
  redisUrl: string | undefined;
  /** PostgreSQL for the audit log (several replicas share it); undefined means SQLite in dataDir. */
  databaseUrl: string | undefined;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  /** 32-byte AES-256-GCM key; undefined means "generate one into dataDir". */
  sessionEncryptionKey: Buffer | undefined;
  useCredentialChain: boolean;
  staticDir: string;
  /** Secure unless the console is served on loopback (COOKIE_SECURE=auto); see configWarnings. */
  cookieSecure: boolean;
  trustProxy: boolean;
  logLevel: string;
}

export function decodeKey(text: string): Buffer | undefined {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  return key.length === 32 ? key : undefined;
}

/** Whether HOST only accepts connections from this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(h);
}

/** Whether a URL names this machine (a malformed one does not). */
export function isLoopbackUrl(url: string): boolean {
  return URL.canParse(url) && isLoopbackHost(new URL(url).hostname);
}

/** Whether HOST means every interface (0.0.0.0, ::): a listening address no browser names the console by. */
export function isWildcardHost(host: string): boolean {
  return ['0.0.0.0', '::'].includes(host.replace(/^\[(.*)\]$/, '$1'));
}

/**
 * Credential-chain sign-in and the local demo's one-click sign-ins need no key: whoever reaches the
 * port becomes that identity. That is only acceptable on loopback unless the operator says otherwise.
 */
function refuseRemoteKeylessSignIn(e: z.infer<typeof envSchema>): void {
  if (isLoopbackHost(e.HOST) || e.IAM_CONSOLE_ALLOW_REMOTE_UNAUTHENTICATED_SIGN_IN) return;
  const keyless = [
    e.IAM_CONSOLE_USE_CREDENTIAL_CHAIN ? 'IAM_CONSOLE_USE_CREDENTIAL_CHAIN=1 (sign-in as the server’s own AWS credentials)' : '',
    e.IAM_CONSOLE_LOCAL_DEMO ? 'local demo mode (one-click sign-in as the demo root user, admin and others)' : '',
  ].filter(Boolean);
  if (keyless.length === 0) return;
  throw new Error(
    `Refusing to start: ${keyless.join(' and ')} lets anyone who can reach the console sign in without a key, ` +
      `and HOST=${e.HOST} is not a loopback address. Listen on 127.0.0.1 (leave HOST unset) or turn that off; ` +
      'if everyone who can reach this port may act as that identity, set IAM_CONSOLE_ALLOW_REMOTE_UNAUTHENTICATED_SIGN_IN=1.',
  );
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  refuseRemoteKeylessSignIn(e);
  return {
    port: e.PORT,
    host: e.HOST,
    publicOrigins: e.PUBLIC_URL,
    dataDir: resolve(e.DATA_DIR),
    region: e.AWS_REGION,
    iamEndpoint: e.AWS_ENDPOINT_URL_IAM,
    stsEndpoint: e.AWS_ENDPOINT_URL_STS,
    localDemoFile: e.IAM_CONSOLE_LOCAL_DEMO ? resolve(e.IAM_CONSOLE_LOCAL_DEMO) : undefined,
    redisUrl: e.REDIS_URL,
    databaseUrl: e.DATABASE_URL,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    sessionEncryptionKey: e.SESSION_ENCRYPTION_KEY ? decodeKey(e.SESSION_ENCRYPTION_KEY) : undefined,
    useCredentialChain: e.IAM_CONSOLE_USE_CREDENTIAL_CHAIN,
    staticDir: resolve(e.STATIC_DIR),
    // The rule: Secure unless the console is served on loopback (plain-HTTP development on this machine).
    cookieSecure: e.COOKIE_SECURE === 'auto' ? !isLoopbackHost(e.HOST) : e.COOKIE_SECURE === 'true',
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
  };
}

/**
 * Settings that start but will not work as the operator probably expects; logged at start.
 * The BFF itself speaks plain HTTP only, so TLS means a TLS-terminating proxy in front (TRUST_PROXY).
 */
export function configWarnings(config: Config): string[] {
  const warnings: string[] = [];
  if (config.cookieSecure && !config.trustProxy) {
    warnings.push(
      'The session cookie is Secure (HOST is not a loopback address, or COOKIE_SECURE=true) but this server speaks plain HTTP ' +
        'and TRUST_PROXY is off, so the cookie is never set over http and browsers would drop it anyway: every sign-in ' +
        'would be forgotten at once. Serve the console through a TLS-terminating proxy and set TRUST_PROXY=1, ' +
        'or listen on 127.0.0.1, or set COOKIE_SECURE=false on a network you trust.',
    );
  }
  if (config.publicOrigins.length === 0 && (config.trustProxy || isWildcardHost(config.host))) {
    warnings.push(
      `PUBLIC_URL is not set, so the console answers only to localhost, 127.0.0.1 and [::1]${isWildcardHost(config.host) || isLoopbackHost(config.host) ? '' : ` and ${config.host}`} ` +
        `on its port: a request for any other host name (${config.trustProxy ? 'the name the proxy is reached by' : 'this machine’s name or address'}) ` +
        'gets 421 Misdirected Request, a defence against DNS rebinding. Set PUBLIC_URL to the address people open, e.g. PUBLIC_URL=https://iam.example.com.',
    );
  }
  if (config.redisUrl && !config.sessionEncryptionKey) {
    warnings.push(
      'REDIS_URL is set, so sessions are shared with any other replica, but SESSION_ENCRYPTION_KEY is not: this replica uses a key ' +
        'generated into its DATA_DIR, and refuses the cookies and sealed credentials of sessions signed in through a replica with ' +
        'another key (people are signed out as their requests move between replicas). Set the same SESSION_ENCRYPTION_KEY on every replica.',
    );
  }
  return warnings;
}
