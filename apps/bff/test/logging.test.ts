// Secrets never reach the log, whatever object they travel in.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { once } from 'node:events';
import { get as httpGet } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import request from 'supertest';
import { requestLog } from '../src/http/request-log.ts';
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
  // As our API answers CreateVirtualMFADevice (me.ts).
  base32StringSeed: 'SECRET-api-base32-seed', qrCodePng: 'SECRET-api-qr-code',
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
  function appWithRequestLog() {
    const { logger, text } = capture();
    const app = express();
    app.use(requestLog(logger, { only: (path) => path.startsWith('/api') }));
    app.get('/api/ok', (req, res) => {
      req.log.info({ password: 'SECRET-through-req-log' }, 'handler line');
      res.json({ ok: true });
    });
    app.get('/api/fails', (_req, res) => void res.status(500).json({}));
    app.get('/api/hangs', () => {});
    app.get('/index.html', (_req, res) => void res.send('page'));
    return { app, lines: () => text().trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
  }

  it('logs method, path, status and duration of an API request, and none of its headers or query', async () => {
    const { app, lines } = appWithRequestLog();
    await request(app).get('/api/ok?secretAccessKey=SECRET-in-query')
      .set('cookie', 'iamconsole.sid=SECRET-cookie').set('authorization', 'SECRET-auth').set('x-csrf-token', 'SECRET-csrf');
    const [handler, done] = lines();
    expect(done).toMatchObject({ level: 30, method: 'GET', path: '/api/ok', status: 200, msg: 'request completed' });
    expect(typeof done!.responseTime).toBe('number');
    // req.log carries the request's id and still redacts.
    expect(handler).toMatchObject({ reqId: done!.reqId, password: '[redacted]', msg: 'handler line' });
    expect(JSON.stringify(lines())).not.toContain('SECRET-');
  });

  it('logs a failed request at error level, an aborted one as aborted, and no line for the SPA’s files', async () => {
    const { app, lines } = appWithRequestLog();
    await request(app).get('/api/fails');
    await request(app).get('/index.html');
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const aborted = httpGet({ host: '127.0.0.1', port, path: '/api/hangs' });
    aborted.on('error', () => {});
    await new Promise((r) => setTimeout(r, 100));
    aborted.destroy();
    await new Promise((r) => setTimeout(r, 100));
    server.close();
    expect(lines().map((l) => [l.level, l.path, l.status, l.msg])).toEqual([
      [50, '/api/fails', 500, 'request completed'],
      [40, '/api/hangs', 200, 'request aborted'],
    ]);
  });
});
