import { ApiError, parseErrorResponse, SESSION_LOST_CODES } from './api-error.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type SessionLostListener = (error: ApiError) => void;

export interface ApiClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
}

/**
 * The one way the SPA talks to the BFF: JSON in and out, the CSRF token on every state-changing request,
 * and every failure turned into an ApiError carrying the BFF's message, AWS code and request id.
 */
export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = options.baseUrl ?? '/api';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  let csrfToken: string | null = null;
  let pendingToken: Promise<string> | null = null;
  const sessionLostListeners = new Set<SessionLostListener>();

  async function send(method: Method, path: string, body: unknown, token: string | null): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers['x-csrf-token'] = token;
    try {
      return await doFetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch (cause) {
      throw new ApiError({
        message: 'Cannot reach the console server. Check your connection and try again.',
        code: 'NetworkError',
        status: 0,
        cause: String(cause),
      });
    }
  }

  async function fetchCsrfToken(): Promise<string> {
    const response = await send('GET', '/session', undefined, null);
    if (!response.ok) throw await parseErrorResponse(response);
    const session = (await response.json()) as { csrfToken?: unknown };
    if (typeof session.csrfToken !== 'string') {
      throw new ApiError({ message: 'The console server sent no CSRF token.', code: 'CsrfTokenMissing', status: 0 });
    }
    csrfToken = session.csrfToken;
    return csrfToken;
  }

  function ensureCsrfToken(): Promise<string> {
    if (csrfToken) return Promise.resolve(csrfToken);
    pendingToken ??= fetchCsrfToken().finally(() => {
      pendingToken = null;
    });
    return pendingToken;
  }

  async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
    const needsToken = method !== 'GET';
    let response = await send(method, path, body, needsToken ? await ensureCsrfToken() : null);
    let error = response.ok ? null : await parseErrorResponse(response);
    if (error?.code === 'CsrfTokenInvalid') {
      // The token rotates with the session (sign-in renews it): fetch the current one and retry once.
      csrfToken = null;
      response = await send(method, path, body, await ensureCsrfToken());
      error = response.ok ? null : await parseErrorResponse(response);
    }
    if (error) {
      if (error.status === 401 && SESSION_LOST_CODES.has(error.code)) {
        for (const listener of sessionLostListeners) listener(error);
      }
      throw error;
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return {
    get: <T>(path: string) => request<T>('GET', path),
    post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
    put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
    patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
    delete: <T = void>(path: string) => request<T>('DELETE', path),
    /** Session responses carry the current token; remembering it saves a round trip. */
    setCsrfToken(token: string | null) {
      csrfToken = token;
    },
    /** Called when any request finds the session gone (401 NotSignedIn / SessionExpired). */
    onSessionLost(listener: SessionLostListener): () => void {
      sessionLostListeners.add(listener);
      return () => sessionLostListeners.delete(listener);
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

export const api: ApiClient = createApiClient();
