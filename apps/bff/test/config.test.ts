import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { createCredentialCipher, loadOrCreateKey } from '../src/session/credential-cipher.ts';

describe('config', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ host: '127.0.0.1', port: 8080, sessionIdleMs: 30 * 60_000, sessionAbsoluteMs: 12 * 3_600_000, cookieSecure: false, useCredentialChain: false, redisUrl: undefined, iamEndpoint: undefined });
  });

  it('reads the endpoints, Redis, timeouts and flags', () => {
    const c = loadConfig({
      AWS_ENDPOINT_URL_IAM: 'http://127.0.0.1:4566', AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:4567', REDIS_URL: 'redis://127.0.0.1:6379',
      SESSION_IDLE_MINUTES: '5', SESSION_ABSOLUTE_HOURS: '2', IAM_CONSOLE_USE_CREDENTIAL_CHAIN: '1', HOST: '0.0.0.0',
      IAM_CONSOLE_ALLOW_REMOTE_UNAUTHENTICATED_SIGN_IN: '1',
      SESSION_ENCRYPTION_KEY: 'ab'.repeat(32),
    });
    expect(c).toMatchObject({ iamEndpoint: 'http://127.0.0.1:4566', stsEndpoint: 'http://127.0.0.1:4567', redisUrl: 'redis://127.0.0.1:6379', sessionIdleMs: 300_000, sessionAbsoluteMs: 7_200_000, useCredentialChain: true, cookieSecure: true });
    expect(c.sessionEncryptionKey).toEqual(Buffer.alloc(32, 0xab));
  });

  it('refuses bad values with a message naming each variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', AWS_ENDPOINT_URL_IAM: 'not a url', SESSION_ENCRYPTION_KEY: 'short' })).toThrow(
      /PORT[\s\S]*AWS_ENDPOINT_URL_IAM[\s\S]*SESSION_ENCRYPTION_KEY: must be 32 bytes/,
    );
  });
});

describe('PUBLIC_URL', () => {
  it('is none by default, and takes one or several origins, normalised as browsers send Origin', () => {
    expect(loadConfig({}).publicOrigins).toEqual([]);
    expect(loadConfig({ PUBLIC_URL: 'https://iam.example.com' }).publicOrigins).toEqual(['https://iam.example.com']);
    expect(loadConfig({ PUBLIC_URL: ' https://IAM.Example.com:443/ , http://localhost:5173,https://iam.example.com' }).publicOrigins).toEqual([
      'https://iam.example.com',
      'http://localhost:5173',
    ]);
  });

  it('refuses anything but an http(s) origin served at the root, naming the value', () => {
    expect(() => loadConfig({ PUBLIC_URL: 'iam.example.com' })).toThrow(/PUBLIC_URL\.0: iam\.example\.com is not an http\(s\) URL/);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://iam.example.com' })).toThrow(/PUBLIC_URL\.0: ftp:\/\/iam\.example\.com is not an http\(s\) URL/);
    for (const url of ['https://iam.example.com/console', 'https://user:pw@iam.example.com', 'https://iam.example.com/?a=1', 'https://iam.example.com/#x']) {
      expect(() => loadConfig({ PUBLIC_URL: `http://localhost:5173,${url}` })).toThrow(/PUBLIC_URL\.1: .* must be an origin only \(e\.g\. https:\/\/iam\.example\.com\): the console is served at the root/);
    }
  });
});

describe('sign-in without a key (credential chain, local demo) off loopback', () => {
  const chain = { IAM_CONSOLE_USE_CREDENTIAL_CHAIN: '1' };
  const demo = { IAM_CONSOLE_LOCAL_DEMO: '/data/iam/demo-identities.json' };

  it('is refused at start with a message naming the risk and the opt-in', () => {
    expect(() => loadConfig({ ...chain, HOST: '0.0.0.0' })).toThrow(
      /Refusing to start: IAM_CONSOLE_USE_CREDENTIAL_CHAIN=1 .* anyone who can reach the console sign in without a key, and HOST=0\.0\.0\.0 is not a loopback address.*IAM_CONSOLE_ALLOW_REMOTE_UNAUTHENTICATED_SIGN_IN=1/,
    );
    expect(() => loadConfig({ ...demo, HOST: '192.168.1.10' })).toThrow(/local demo mode .* HOST=192\.168\.1\.10 is not a loopback address/);
    expect(() => loadConfig({ ...chain, ...demo, HOST: '::' })).toThrow(/CREDENTIAL_CHAIN=1 .* and local demo mode/);
  });

  it('is allowed on any loopback address, or off loopback with the explicit opt-in', () => {
    for (const HOST of ['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]']) {
      expect(loadConfig({ ...chain, ...demo, HOST }).useCredentialChain).toBe(true);
    }
    const remote = loadConfig({ ...chain, ...demo, HOST: '0.0.0.0', IAM_CONSOLE_ALLOW_REMOTE_UNAUTHENTICATED_SIGN_IN: '1' });
    expect(remote).toMatchObject({ useCredentialChain: true, host: '0.0.0.0' });
  });

  it('does not concern sign-in with access keys', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });
});

describe('session encryption key', () => {
  it('is generated once into the data dir with mode 0600 and reused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bff-key-'));
    try {
      const key = loadOrCreateKey(dir, undefined);
      expect(key).toHaveLength(32);
      expect(statSync(join(dir, 'session-encryption.key')).mode & 0o777).toBe(0o600);
      expect(loadOrCreateKey(dir, undefined)).toEqual(key);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('seals credentials so that a different key, another session or a tampered blob cannot open them', () => {
    const credentials = { accessKeyId: 'ASIAEXAMPLE000000001', secretAccessKey: 'secret', sessionToken: 'token', expiration: '2030-01-01T00:00:00.000Z' };
    const sealed = createCredentialCipher(Buffer.alloc(32, 1)).encrypt(credentials, 'session-a');
    expect(sealed).not.toContain('secret');
    expect(createCredentialCipher(Buffer.alloc(32, 1)).decrypt(sealed, 'session-a')).toEqual(credentials);
    expect(() => createCredentialCipher(Buffer.alloc(32, 2)).decrypt(sealed, 'session-a')).toThrow();
    expect(() => createCredentialCipher(Buffer.alloc(32, 1)).decrypt(sealed, 'session-b')).toThrow();
    const tampered = Buffer.from(sealed, 'base64');
    tampered[tampered.length - 1]! ^= 1;
    expect(() => createCredentialCipher(Buffer.alloc(32, 1)).decrypt(tampered.toString('base64'), 'session-a')).toThrow();
  });
});
