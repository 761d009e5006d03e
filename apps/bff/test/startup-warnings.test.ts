// What the operator is told at start when the configuration will start but not work as expected.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startConsole } from '../src/bootstrap.ts';
import { configWarnings, loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logging.ts';

describe('PUBLIC_URL missing where browsers use another name', () => {
  it('is warned about on every interface or behind a proxy: other host names get 421', () => {
    const [wildcard] = configWarnings(loadConfig({ HOST: '::', COOKIE_SECURE: 'false' }));
    expect(wildcard).toMatch(/PUBLIC_URL is not set, so the console answers only to localhost, 127\.0\.0\.1 and \[::1\] on its port.*421 Misdirected Request.*PUBLIC_URL=https:\/\/iam\.example\.com/);
    const [proxied] = configWarnings(loadConfig({ TRUST_PROXY: '1' }));
    expect(proxied).toMatch(/answers only to localhost, 127\.0\.0\.1 and \[::1\] on its port: a request for any other host name \(the name the proxy is reached by\)/);
    const [lan] = configWarnings(loadConfig({ HOST: '192.168.1.10', TRUST_PROXY: '1' }));
    expect(lan).toMatch(/answers only to localhost, 127\.0\.0\.1 and \[::1\] and 192\.168\.1\.10 on its port/);
    expect(configWarnings(loadConfig({ HOST: '::', COOKIE_SECURE: 'false', PUBLIC_URL: 'http://iam.internal:8080' }))).toEqual([]);
  });
});

describe('Redis without a shared session key', () => {
  it('is warned about: replicas with keys of their own refuse each other’s sessions', () => {
    const key = 'ab'.repeat(32);
    const [warning] = configWarnings(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }));
    expect(warning).toMatch(/REDIS_URL is set.*SESSION_ENCRYPTION_KEY is not.*Set the same SESSION_ENCRYPTION_KEY on every replica/);
    expect(configWarnings(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', SESSION_ENCRYPTION_KEY: key }))).toEqual([]);
    expect(configWarnings(loadConfig({}))).toEqual([]);
  });
});

describe('Secure session cookie over plain HTTP', () => {
  it('is logged as a warning at start: the browser would never keep the cookie', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bff-start-'));
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    // Configured as served on all interfaces; bound to loopback only so the test opens nothing to the network.
    const config = { ...loadConfig({ HOST: '0.0.0.0', DATA_DIR: dir, STATIC_DIR: join(dir, 'web') }), host: '127.0.0.1', port: 0 };
    const running = await startConsole(config, { logger: createLogger('info', sink) });
    try {
      const warnings = lines.map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.level === 40);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.msg).toMatch(/session cookie is Secure \(HOST is not a loopback address.*plain HTTP.*TRUST_PROXY is off.*set TRUST_PROXY=1/);
    } finally {
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is not warned about on loopback, behind a trusted TLS proxy, or with COOKIE_SECURE=false', () => {
    expect(configWarnings(loadConfig({ HOST: '127.0.0.1' }))).toEqual([]);
    expect(configWarnings(loadConfig({ HOST: '0.0.0.0', TRUST_PROXY: '1', PUBLIC_URL: 'https://iam.example.com' }))).toEqual([]);
    expect(configWarnings(loadConfig({ HOST: '192.168.1.10', COOKIE_SECURE: 'false' }))).toEqual([]);
    expect(configWarnings(loadConfig({ HOST: '127.0.0.1', COOKIE_SECURE: 'true' }))).toHaveLength(1);
  });
});
