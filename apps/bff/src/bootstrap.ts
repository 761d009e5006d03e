// Opens everything the app needs from its configuration: stores, key, logger, SDK client factory.
import { hkdfSync } from 'node:crypto';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { configWarnings } from './config.ts';
import type { Config } from './config.ts';
import { createApp } from './app.ts';
import { AUDIT_FILE, prepareBffDataDir, RECENT_ROLES_FILE } from './data-dir.ts';
import type { AppDeps } from './app.ts';
import { AuditLog } from './audit/audit-log.ts';
import { PostgresAuditLog } from './audit/postgres-audit-log.ts';
import { createAwsClientFactory } from './aws/clients.ts';
import { createLogger, flushLogsSync } from './logging.ts';
import { createCredentialCipher, loadOrCreateKey } from './session/credential-cipher.ts';
import { DemoIdentities } from './session/demo-identities.ts';
import { openSessionStore } from './session/store.ts';
import { RecentRoles } from './session/recent-roles.ts';

/** How long requests in flight at shutdown (SIGTERM) get to finish. */
export const SHUTDOWN_DRAIN_MS = 10_000;

export interface RunningConsole {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startConsole(config: Config, overrides: Partial<AppDeps> & { logger?: Logger } = {}): Promise<RunningConsole> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  for (const warning of configWarnings(config)) logger.warn(warning);
  prepareBffDataDir(config.dataDir, { sqliteSessions: !config.redisUrl && !overrides.sessionStore }, (message) => logger.warn(message));
  const key = loadOrCreateKey(config.dataDir, config.sessionEncryptionKey);
  const opened = overrides.sessionStore
    ? undefined
    : await openSessionStore({
        redisUrl: config.redisUrl,
        dataDir: config.dataDir,
        ttlMs: config.sessionIdleMs,
        onError: (err) => logger.error({ err }, 'sessions: Redis connection failed'),
      });
  const auditLog =
    overrides.auditLog ??
    (config.databaseUrl
      ? await PostgresAuditLog.open(config.databaseUrl, { onError: (err) => logger.error({ err }, 'audit log: PostgreSQL connection failed') })
      : new AuditLog(join(config.dataDir, AUDIT_FILE)));
  const ownRecentRoles = (overrides.recentRoles ?? opened?.recentRoles) ? undefined : new RecentRoles(join(config.dataDir, RECENT_ROLES_FILE));
  const recentRoles = overrides.recentRoles ?? opened?.recentRoles ?? ownRecentRoles!;
  const deps: AppDeps = {
    logger,
    sessionStore: overrides.sessionStore ?? opened!.store,
    // The cookie-signing secret is derived from the encryption key so one secret is enough to configure.
    sessionSecret: overrides.sessionSecret ?? Buffer.from(hkdfSync('sha256', key, '', 'iam-console session cookie', 32)).toString('base64'),
    cipher: overrides.cipher ?? createCredentialCipher(key),
    auditLog,
    recentRoles,
    makeClients: overrides.makeClients ?? createAwsClientFactory({ region: config.region, iamEndpoint: config.iamEndpoint, stsEndpoint: config.stsEndpoint }),
    demoIdentities: overrides.demoIdentities ?? (config.localDemoFile ? DemoIdentities.load(config.localDemoFile) : undefined),
    ...(overrides.clock ? { clock: overrides.clock } : {}),
    ...(overrides.signInLimits ? { signInLimits: overrides.signInLimits } : {}),
    rateLimitStore: overrides.rateLimitStore ?? opened?.rateLimitStore,
  };
  const app = createApp(config, deps);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    server,
    async close() {
      // No new connections from here on; requests in flight finish (keep-alive sockets are closed as each
      // goes idle) for up to SHUTDOWN_DRAIN_MS, then whatever is left is cut.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const idle = setInterval(() => server.closeIdleConnections(), 50);
      const cut = setTimeout(() => server.closeAllConnections(), SHUTDOWN_DRAIN_MS);
      await closed;
      clearInterval(idle);
      clearTimeout(cut);
      await opened?.close();
      if (!overrides.auditLog) await auditLog.close();
      ownRecentRoles?.close();
      flushLogsSync();
    },
  };
}
