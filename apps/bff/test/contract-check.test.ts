// The contract check the integration tests run on every answer (helpers/contract.ts) catches each kind of breach.
import express from 'express';
import { describe, expect, it } from 'vitest';
import { expectAnswer } from './helpers/contract.ts';
import { browser } from './helpers/harness.ts';

const json = (status: number, body: unknown) => ({ status, body, text: JSON.stringify(body) });
const user = { userName: 'a', userId: 'AIDA', arn: 'arn:aws:iam::123456789012:user/a', path: '/', createDate: '2026-01-01T00:00:00.000Z' };

describe('expectAnswer', () => {
  it('passes an answer its route’s schema takes, an error body, and a 204 without body', () => {
    expect(() => expectAnswer('GET', '/api/users', json(200, { items: [user] }))).not.toThrow();
    expect(() => expectAnswer('GET', '/api/users/a', json(404, { error: { message: 'm', code: 'NoSuchEntity', status: 404, requestId: 'r' } }))).not.toThrow();
    expect(() => expectAnswer('DELETE', '/api/users/a', { status: 204, body: {}, text: '' })).not.toThrow();
    expect(() => expectAnswer('GET', '/api/nothing', json(404, { error: { message: 'API route GET /api/nothing was not found.', code: 'NotFound', status: 404 } }))).not.toThrow();
  });

  it('fails a field the schema does not name, a missing one, and a wrong status', () => {
    expect(() => expectAnswer('GET', '/api/users', json(200, { items: [{ ...user, secret: 'x' }] }))).toThrow(/GET \/api\/users \(GET \/api\/users\) answered 200 with a body its schema refuses/);
    expect(() => expectAnswer('GET', '/api/users', json(200, { items: [{ ...user, userId: undefined }] }))).toThrow(/schema refuses/);
    expect(() => expectAnswer('POST', '/api/users', json(200, { user }))).toThrow(/the contract says 201/);
    expect(() => expectAnswer('DELETE', '/api/users/a', json(200, { ok: true }))).toThrow(/the contract says 204/);
  });

  it('fails an error that is not the one error body', () => {
    expect(() => expectAnswer('GET', '/api/users', json(500, { message: 'bare' }))).toThrow(/not the error body/);
  });

  it('fails a route the contract lacks, and a contract route the app lacks', () => {
    expect(() => expectAnswer('GET', '/api/secret-route', json(200, {}))).toThrow(/the API contract has no such route/);
    expect(() => expectAnswer('GET', '/api/users', json(404, { error: { message: 'API route GET /api/users was not found.', code: 'NotFound', status: 404 } }))).toThrow(/the contract has the route, the app does not/);
  });

  it('takes a download with a listed media type and an attachment name, and fails one without', () => {
    const file = (type: string, disposition?: string) => ({ status: 200, body: {}, text: 'a,b', headers: { 'content-type': type, ...(disposition ? { 'content-disposition': disposition } : {}) } });
    expect(() => expectAnswer('GET', '/api/audit-log/download', file('text/csv; charset=utf-8', 'attachment; filename="audit-log_x.csv"'))).not.toThrow();
    expect(() => expectAnswer('GET', '/api/audit-log/download', file('text/html', 'attachment; filename="x.csv"'))).toThrow(/Content-Type text\/html; the contract says text\/csv or application\/json/);
    expect(() => expectAnswer('GET', '/api/credential-report/download', file('text/csv'))).toThrow(/without Content-Disposition/);
  });
});

describe('browser', () => {
  // An app whose session answer lacks fields the contract requires, and whose users answer has one it does not name.
  const offContract = express()
    .get('/api/session', (_req, res) => { res.json({ signedIn: false, csrfToken: 't' }); })
    .get('/api/users', (_req, res) => { res.json({ items: [], extra: true }); });

  it('checks every answer against the contract unless told not to', async () => {
    await expect(browser(offContract)).rejects.toThrow(/GET \/api\/session \(GET \/api\/session\) answered 200 with a body its schema refuses/);
    const unchecked = await browser(offContract, { checkAnswers: false });
    expect((await unchecked.get('/api/users')).body).toEqual({ items: [], extra: true });
  });
});
