// Builds the app for tests: temp data dir, real SQLite session store and audit log, a settable clock,
// and the log lines captured so tests can look for secrets in them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../src/app.ts';
import type { AppDeps } from '../../src/app.ts';
import { AuditLog } from '../../src/audit/audit-log.ts';
import type { AwsClientFactory } from '../../src/aws/clients.ts';
import { loadConfig } from '../../src/config.ts';
import type { Config } from '../../src/config.ts';
import { createLogger } from '../../src/logging.ts';
import { createCredentialCipher } from '../../src/session/credential-cipher.ts';
import { RecentRoles } from '../../src/session/recent-roles.ts';
import { SqliteSessionStore } from '../../src/session/sqlite-store.ts';
import { expectAnswer } from './contract.ts';

export interface Harness {
  app: Express;
  config: Config;
  dataDir: string;
  clock: { now: number; advance(ms: number): void };
  logs: string[];
  auditLog: AuditLog;
  store: SqliteSessionStore;
  close(): void;
}

export function createHarness(makeClients: AwsClientFactory, options: { env?: Record<string, string>; deps?: Partial<AppDeps> } = {}): Harness {
  const dataDir = mkdtempSync(join(tmpdir(), 'bff-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, STATIC_DIR: join(dataDir, 'web'), LOG_LEVEL: 'info', ...options.env });
  const clock = { now: Date.now(), advance(ms: number) { clock.now += ms; } };
  const logs: string[] = [];
  const sink = new Writable({ write(chunk, _enc, done) { logs.push(String(chunk)); done(); } });
  const store = new SqliteSessionStore({ file: join(dataDir, 'sessions.sqlite'), defaultTtlMs: config.sessionIdleMs });
  const auditLog = new AuditLog(join(dataDir, 'audit.sqlite'));
  const recentRoles = new RecentRoles(join(dataDir, 'recent-roles.sqlite'));
  const app = createApp(config, {
    logger: createLogger('info', sink),
    sessionStore: store,
    sessionSecret: 'test-cookie-secret',
    cipher: createCredentialCipher(Buffer.alloc(32, 7)),
    auditLog,
    recentRoles,
    makeClients,
    clock: () => clock.now,
    ...options.deps,
  });
  return {
    app, config, dataDir, clock, logs, auditLog, store,
    close() {
      store.close();
      auditLog.close();
      recentRoles.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A supertest agent (keeps cookies) with the CSRF token fetched and sent on every change. Every answer is checked
 * against the API contract (helpers/contract.ts) and a breach fails the request, unless the test turns
 * `checkAnswers` off, saying why (it sends or stubs something off-contract on purpose).
 */
export async function browser(app: Express, options: { checkAnswers?: boolean } = {}) {
  const agent = request.agent(app);
  const checked = <T extends request.Test>(method: string, url: string, test: T) =>
    options.checkAnswers === false ? test : test.expect((res) => expectAnswer(method, url, res));
  let csrf = (await checked('GET', '/api/session', agent.get('/api/session'))).body.csrfToken as string;
  const withCsrf = <T extends request.Test>(test: T) => test.set('x-csrf-token', csrf);
  return {
    agent,
    get csrf() { return csrf; },
    set csrf(value: string) { csrf = value; },
    get: (url: string) => checked('GET', url, agent.get(url)),
    post: (url: string, body?: object) => checked('POST', url, withCsrf(agent.post(url)).send(body ?? {})),
    put: (url: string, body?: object) => checked('PUT', url, withCsrf(agent.put(url)).send(body ?? {})),
    patch: (url: string, body?: object) => checked('PATCH', url, withCsrf(agent.patch(url)).send(body ?? {})),
    delete: (url: string) => checked('DELETE', url, withCsrf(agent.delete(url))),
    async signIn(body: object) {
      const res = await checked('POST', '/api/session', withCsrf(agent.post('/api/session')).send(body));
      if (res.body.csrfToken) csrf = res.body.csrfToken;
      return res;
    },
  };
}
