// Secrets never reach the log, whatever object they travel in.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logging.ts';

function capture() {
  const lines: string[] = [];
  const logger = createLogger('info', new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } }));
  return { logger, text: () => lines.join('') };
}

const secrets = {
  secretAccessKey: 'SECRET-secret-access-key', SecretAccessKey: 'SECRET-sdk-secret-access-key',
  sessionToken: 'SECRET-session-token', SessionToken: 'SECRET-sdk-session-token', sealedCredentials: 'SECRET-sealed',
  csrfToken: 'SECRET-csrf', password: 'SECRET-password', Password: 'SECRET-sdk-password',
  newPassword: 'SECRET-new-password', NewPassword: 'SECRET-sdk-new-password', oldPassword: 'SECRET-old-password', OldPassword: 'SECRET-sdk-old-password',
  mfaCode: 'SECRET-mfa-code', tokenCode: 'SECRET-token-code', TokenCode: 'SECRET-sdk-token-code',
  authenticationCode1: 'SECRET-auth-code-1', AuthenticationCode2: 'SECRET-sdk-auth-code-2',
  base32Seed: 'SECRET-base32-seed', Base32StringSeed: 'SECRET-sdk-base32-seed', QRCodePNG: 'SECRET-qr-code',
};

describe('log redaction', () => {
  it('redacts every secret-bearing field at the top level and up to three levels down', () => {
    const { logger, text } = capture();
    logger.info(secrets, 'top level');
    logger.info({ req: { body: secrets } }, 'one level down');
    logger.info({ err: { input: { demo: secrets } } }, 'two levels down');
    logger.info({ a: { b: { c: secrets } } }, 'three levels down');
    const out = text();
    expect(out).not.toContain('SECRET-');
    expect(out.match(/\[redacted\]/g)).toHaveLength(4 * Object.keys(secrets).length);
    expect(out).toContain('three levels down');
  });

  it('keeps what is not a secret', () => {
    const { logger, text } = capture();
    logger.info({ accessKeyId: 'AKIAEXAMPLE', userName: 'alice', serialNumber: 'arn:aws:iam::123456789012:mfa/alice' }, 'sign-in');
    expect(text()).toContain('AKIAEXAMPLE');
    expect(text()).toContain('arn:aws:iam::123456789012:mfa/alice');
  });
});

describe('request lines', () => {
  it('the request-line logger redacts the cookie, authorization and CSRF headers and the Set-Cookie answer', async () => {
    const { httpLineLogger } = await import('../src/logging.ts');
    const { logger, text } = capture();
    httpLineLogger(logger).info({
      req: { method: 'GET', url: '/api/users', headers: { cookie: 'SECRET-cookie', authorization: 'SECRET-auth', 'x-csrf-token': 'SECRET-csrf' } },
      res: { statusCode: 200, headers: { 'set-cookie': 'SECRET-set-cookie' } },
    }, 'request completed');
    expect(text()).toContain('/api/users');
    expect(text()).not.toContain('SECRET-');
    expect(text().match(/\[redacted\]/g)).toHaveLength(4);
  });
});
