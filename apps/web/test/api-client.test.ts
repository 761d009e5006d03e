import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../src/lib/api-client.ts';
import { ApiError } from '../src/lib/api-error.ts';

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** A fake BFF: answers each call with the next scripted response and records what it was sent. */
function fakeServer(responses: Array<(call: Call) => Response>) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const call: Call = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: init?.body as string | undefined,
    };
    calls.push(call);
    const next = responses.shift();
    if (!next) throw new Error(`unexpected call ${call.method} ${call.url}`);
    return next(call);
  });
  return { calls, client: createApiClient({ fetch }) };
}

describe('api client', () => {
  it('fetches the CSRF token from GET /api/session before the first state-changing request and sends it', async () => {
    const { calls, client } = fakeServer([
      () => json(200, { signedIn: true, csrfToken: 'tok-1', localMode: true }),
      () => json(201, { user: { userName: 'alice' } }),
    ]);
    const result = await client.post<{ user: { userName: string } }>('/users', { userName: 'alice' });
    expect(result.user.userName).toBe('alice');
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual(['GET /api/session', 'POST /api/users']);
    expect(calls[1]?.headers['x-csrf-token']).toBe('tok-1');
    expect(calls[1]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(calls[1]?.body ?? '')).toEqual({ userName: 'alice' });
  });

  it('reuses a known token and never sends one on GET', async () => {
    const { calls, client } = fakeServer([() => json(200, { items: [] }), () => new Response(null, { status: 204 })]);
    client.setCsrfToken('known');
    await client.get('/users');
    await expect(client.delete('/users/bob')).resolves.toBeUndefined();
    expect(calls[0]?.headers['x-csrf-token']).toBeUndefined();
    expect(calls[1]?.headers['x-csrf-token']).toBe('known');
    expect(calls).toHaveLength(2);
  });

  it('refreshes the token and retries once when the BFF answers CsrfTokenInvalid', async () => {
    const { calls, client } = fakeServer([
      () => json(403, { error: { message: 'Bad token', code: 'CsrfTokenInvalid', status: 403 } }),
      () => json(200, { signedIn: true, csrfToken: 'fresh', localMode: false }),
      () => json(200, { ok: true }),
    ]);
    client.setCsrfToken('stale');
    await expect(client.put('/account/alias', { alias: 'x' })).resolves.toEqual({ ok: true });
    expect(calls.map((call) => call.headers['x-csrf-token'])).toEqual(['stale', undefined, 'fresh']);
  });

  it('gives up after one retry when the token is still refused', async () => {
    const refusal = () => json(403, { error: { message: 'Bad token', code: 'CsrfTokenInvalid', status: 403 } });
    const { client } = fakeServer([refusal, () => json(200, { csrfToken: 'fresh' }), refusal]);
    client.setCsrfToken('stale');
    await expect(client.delete('/users/x')).rejects.toMatchObject({ code: 'CsrfTokenInvalid', status: 403 });
  });

  it('turns the error envelope into an ApiError with message, AWS code, request id and details', async () => {
    const { client } = fakeServer([
      () =>
        json(403, {
          error: {
            message: 'You lack iam:ListUsers on arn:aws:iam::123456789012:user/',
            code: 'AccessDenied',
            requestId: 'req-42',
            status: 403,
          },
        }),
      () =>
        json(400, {
          error: { message: 'Invalid input', code: 'ValidationError', status: 400, details: [{ path: 'userName', message: 'Too long' }] },
        }),
    ]);
    const denied = await client.get('/users').catch((error: unknown) => error);
    expect(denied).toBeInstanceOf(ApiError);
    expect(denied).toMatchObject({ message: expect.stringContaining('iam:ListUsers'), code: 'AccessDenied', requestId: 'req-42', status: 403 });
    const invalid = (await client.get('/users').catch((error: unknown) => error)) as ApiError;
    expect(invalid.details).toEqual([{ path: 'userName', message: 'Too long' }]);
  });

  it('explains a response that is not the JSON envelope (e.g. a proxy error page)', async () => {
    const { client } = fakeServer([
      () => new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'x-request-id': 'proxy-1' } }),
    ]);
    await expect(client.get('/account')).rejects.toMatchObject({ code: 'Http502', status: 502, requestId: 'proxy-1', message: expect.stringContaining('502 Bad Gateway') });
  });

  it('reports an unreachable server as a NetworkError', async () => {
    const client = createApiClient({ fetch: async () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(client.get('/session')).rejects.toMatchObject({ code: 'NetworkError', status: 0 });
  });

  it('tells listeners when the session is gone, but not for other 401s such as wrong credentials', async () => {
    const { client } = fakeServer([
      () => json(401, { error: { message: 'Wrong key', code: 'InvalidCredentials', status: 401 } }),
      () => json(401, { error: { message: 'Expired', code: 'SessionExpired', status: 401 } }),
    ]);
    client.setCsrfToken('t');
    const lost = vi.fn();
    const unsubscribe = client.onSessionLost(lost);
    await expect(client.post('/session', { accessKeyId: 'a', secretAccessKey: 'b' })).rejects.toMatchObject({ code: 'InvalidCredentials' });
    expect(lost).not.toHaveBeenCalled();
    await expect(client.get('/users')).rejects.toMatchObject({ code: 'SessionExpired' });
    expect(lost).toHaveBeenCalledTimes(1);
    expect(lost.mock.calls[0]?.[0]).toMatchObject({ code: 'SessionExpired' });
    unsubscribe();
  });

  it('asks for the session only once when several requests need a token at the same time', async () => {
    const { calls, client } = fakeServer([
      () => json(200, { csrfToken: 'shared' }),
      () => json(200, {}),
      () => json(200, {}),
    ]);
    await Promise.all([client.post('/a'), client.post('/b')]);
    expect(calls.filter((call) => call.url === '/api/session')).toHaveLength(1);
    expect(calls.slice(1).map((call) => call.headers['x-csrf-token'])).toEqual(['shared', 'shared']);
  });
});
