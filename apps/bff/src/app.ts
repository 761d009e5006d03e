// Wires the Express app from its configuration and dependencies (all injectable for tests).
import { createSecretKey } from 'node:crypto';
import { constants as zlib } from 'node:zlib';
import compression from 'compression';
import express from 'express';
import session from 'express-session';
import type { Logger } from 'pino';
import { isLoopbackUrl, type Config } from './config.ts';
import type { AwsClientFactory } from './aws/clients.ts';
import type { AuditStore } from './audit/audit-store.ts';
import { auditTrail } from './audit/audit-middleware.ts';
import { notFound } from './http/api-error.ts';
import { errorMiddleware } from './http/error-middleware.ts';
import { healthRouter, httpReachable, readiness } from './http/health.ts';
import { requestLog } from './http/request-log.ts';
import { consoleOrigins, refuseForeignHosts } from './security/console-origins.ts';
import { csrfProtection, csrfTokenFor } from './security/csrf.ts';
import { preSignInTokens } from './security/pre-sign-in-token.ts';
import { securityHeaders } from './security/headers.ts';
import { DEFAULT_SIGN_IN_LIMITS } from './security/rate-limits.ts';
import type { SignInLimits } from './security/rate-limits.ts';
import type { Store as RateLimitStore } from 'express-rate-limit';
import type { CredentialCipher } from './session/credential-cipher.ts';
import type { DemoIdentities } from './session/demo-identities.ts';
import { requireSignIn, sessionLifetime } from './session/guard.ts';
import { createSessionClients, DEFAULT_CLIENT_IDLE_MS, DEFAULT_MAX_CACHED_SESSIONS } from './session/session-clients.ts';
import type { PrincipalSessionStore } from './session/principal-sessions.ts';
import { sessionCookie } from './session/session-cookie.ts';
import { SESSION_COOKIE } from './session/session-data.ts';
import { sessionRouter } from './routes/session.ts';
import { switchRoleRouter } from './routes/switch-role.ts';
import { capabilitiesRouter } from './routes/capabilities.ts';
import { describeSession } from './session/describe-session.ts';
import type { RecentRolesStore } from './session/recent-roles.ts';
import { accountRouter } from './routes/account.ts';
import { credentialReportRouter } from './routes/credential-report.ts';
import { auditBundleRouter, authorizationDetailsRouter } from './routes/evidence.ts';
import { usersRouter } from './routes/users.ts';
import { groupsRouter } from './routes/groups.ts';
import { rolesRouter } from './routes/roles.ts';
import { policiesRouter } from './routes/policies.ts';
import { policySimulatorRouter } from './routes/policy-simulator.ts';
import { auditRouter } from './routes/audit.ts';
import { meRouter } from './routes/me.ts';
import { endpointPasswordSignIn } from './services/password-sign-in.ts';
import { deploymentCredentialsRouter } from './routes/deployment-credentials.ts';
import { spaRouter } from './static-spa.ts';

export { SESSION_COOKIE };

export interface AppDeps {
  logger: Logger;
  /** Can end every session of a principal (sign out everywhere). */
  sessionStore: PrincipalSessionStore;
  sessionSecret: string;
  cipher: CredentialCipher;
  auditLog: AuditStore;
  /** The roles each principal switched to last. */
  recentRoles: RecentRolesStore;
  makeClients: AwsClientFactory;
  demoIdentities?: DemoIdentities | undefined;
  clock?: () => number;
  signInLimits?: SignInLimits;
  /** Shared rate-limit counters (Redis); default: in this process. */
  rateLimitStore?: ((prefix: string) => RateLimitStore) | undefined;
}

// Bodies under 1 kB are left alone. API answers are compressed anew for every request, so they get the
// fastest settings: the 10,000-user list (1.8 MB of JSON) takes ~7 ms to 261 kB with brotli quality 1 and
// ~8 ms to 289 kB with gzip level 1, where the middleware's defaults (brotli 4, gzip 6) take 30-40 ms to
// 228 kB and ~19 ms to 247 kB (streamed, Node 24, unloaded): time on the critical path of every list page.
// The SPA's files are content-hashed and cached for a year, so they keep the defaults' better ratio.
const API_COMPRESSION = { threshold: 1024, level: 1, brotli: { params: { [zlib.BROTLI_PARAM_QUALITY]: 1 } } };
const STATIC_COMPRESSION = { threshold: 1024 };

/**
 * API answers describe the account's principals and policies: kept out of the browser's cache (no-store), so
 * no ETag either (computing one hashed every answer).
 */
const noStore: express.RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

export function createApp(config: Config, deps: AppDeps): express.Express {
  const clock = deps.clock ?? Date.now;
  const policy = { idleMs: config.sessionIdleMs, absoluteMs: config.sessionAbsoluteMs, clock };
  const sessionClients = createSessionClients(deps.makeClients, {
    idleMs: Math.min(DEFAULT_CLIENT_IDLE_MS, config.sessionIdleMs),
    maxEntries: DEFAULT_MAX_CACHED_SESSIONS,
    clock,
  });
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  if (config.trustProxy) app.set('trust proxy', 1);

  app.use(requestLog(deps.logger, { only: (path) => path.startsWith('/api') }));
  app.use(securityHeaders({ hsts: config.cookieSecure }));
  // Before the Host allow-list: load balancers probe a replica by its address (health.ts answers nothing sensitive).
  const checks = {
    sessions: () => new Promise<void>((ok, fail) => deps.sessionStore.get('readiness-probe', (err) => (err ? fail(err) : ok()))),
    audit: async () => deps.auditLog.list({ limit: 1 }),
    iam: httpReachable(config.iamEndpoint ?? 'https://iam.amazonaws.com/'),
  };
  app.use(healthRouter(readiness(checks, deps.logger, clock)));
  const origins = consoleOrigins(config);
  app.use(refuseForeignHosts(origins)); // DNS rebinding: before any session is read, for /api and the SPA
  const cookie = sessionCookie(config.cookieSecure);
  const api = express.Router();
  // First, so every state-changing request is recorded, also those refused while parsing (bad JSON, 413).
  api.use(auditTrail(deps.auditLog, clock, deps.logger));
  api.use(
    session({
      name: cookie.name,
      // The same key as the string (its UTF-8 bytes), prepared once: Node prepares a raw key on every HMAC
      // (~30 µs), and every request verifies the cookie's signature.
      secret: createSecretKey(Buffer.from(deps.sessionSecret, 'utf8')),
      store: deps.sessionStore,
      resave: false,
      saveUninitialized: false,
      // Not on every response: the cookie's expiry moves whenever the session is saved, which sessionLifetime
      // makes happen at least every ACTIVITY_GRANULARITY_MS of activity (the server's idle check decides anyway).
      // Re-signing and re-sending the cookie on each response cost ~40 µs per call for nothing.
      rolling: false,
      cookie: { ...cookie.options, maxAge: config.sessionIdleMs },
    }),
  );
  api.use(sessionLifetime(policy));
  // After the session, so a request refused for its body is still recorded with its caller.
  const json = express.json({ limit: '512kb' });
  api.use((req, res, next) => (req.method === 'GET' || req.method === 'HEAD' ? next() : json(req, res, next)));
  const preSignIn = preSignInTokens({ secret: deps.sessionSecret, secureCookie: config.cookieSecure });
  api.use(csrfProtection(origins, preSignIn));
  api.use(
    '/session',
    sessionRouter({
      makeClients: deps.makeClients,
      sessionClients,
      cipher: deps.cipher,
      policy,
      demoIdentities: deps.demoIdentities,
      // Local mode: the embedded endpoint, on this machine, is the one that can check a console password.
      passwordSignIn: deps.demoIdentities && config.iamEndpoint && isLoopbackUrl(config.iamEndpoint) ? endpointPasswordSignIn(config.iamEndpoint, deps.makeClients) : undefined,
      useCredentialChain: config.useCredentialChain,
      signInLimits: deps.signInLimits ?? DEFAULT_SIGN_IN_LIMITS,
      preSignIn,
      rateLimitStore: deps.rateLimitStore,
      cookie,
      endSessionsOf: (arn) => deps.sessionStore.destroyAllOf(arn),
    }),
  );
  api.use(requireSignIn(deps.cipher, sessionClients));
  api.use('/session/capabilities', capabilitiesRouter(policy.clock));
  api.use('/account', accountRouter());
  api.use('/users', usersRouter());
  api.use('/groups', groupsRouter());
  api.use('/roles', rolesRouter());
  api.use('/policies', policiesRouter());
  api.use('/policy-simulator', policySimulatorRouter());
  api.use('/audit-log', auditRouter(deps.auditLog));
  api.use('/credential-report', credentialReportRouter());
  api.use('/authorization-details', authorizationDetailsRouter());
  api.use('/audit-bundle', auditBundleRouter(deps.auditLog));
  api.use('/me', meRouter({ cipher: deps.cipher, makeClients: deps.makeClients, sessionClients }));
  api.use('/deployment-credentials', deploymentCredentialsRouter({ cipher: deps.cipher, makeClients: deps.makeClients }));
  // A switch answers with the session, as GET /api/session would.
  const sessionView = {
    policy,
    localMode: deps.demoIdentities !== undefined,
    credentialChain: config.useCredentialChain,
    csrfToken: (rq: express.Request, rs: express.Response) => csrfTokenFor(rq, rs, preSignIn),
  };
  const describe = (rq: express.Request, rs: express.Response) => describeSession(rq, rs, sessionView);
  const { cipher, makeClients, recentRoles } = deps;
  api.use('/switch-role', switchRoleRouter({ cipher, makeClients, sessionClients, policy, recentRoles, describe }));
  api.use((req) => {
    throw notFound(`API route ${req.method} ${req.baseUrl}${req.path}`);
  });
  api.use(errorMiddleware);

  app.use('/api', noStore, compression(API_COMPRESSION), api);
  app.use(compression(STATIC_COMPRESSION), spaRouter(config.staticDir));
  return app;
}
