// One browser as the SPA uses the API (API.md): its cookies and CSRF token, sent to whichever BFF replica the
// test picks, as a load balancer without sticky sessions would.
export interface Replica {
  url: string;
}

export interface Answer {
  status: number;
  body: Record<string, any> | undefined;
}

export interface Browser {
  send(via: Replica, method: string, path: string, body?: unknown): Promise<Answer>;
  get(via: Replica, path: string): Promise<Answer>;
  post(via: Replica, path: string, body?: unknown): Promise<Answer>;
  delete(via: Replica, path: string): Promise<Answer>;
}

/** Rejects only when no answer came (connection refused or reset, timeout). */
export function browserOf(options: { timeoutMs?: number } = {}): Browser {
  const cookies = new Map<string, string>();
  let csrf = '';
  const send = async (via: Replica, method: string, path: string, body?: unknown): Promise<Answer> => {
    const res = await fetch(`${via.url}${path}`, {
      method,
      headers: {
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': csrf,
        origin: via.url,
        'sec-fetch-site': 'same-origin',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(options.timeoutMs ? { signal: AbortSignal.timeout(options.timeoutMs) } : {}),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    const json = (await res.json().catch(() => undefined)) as Record<string, any> | undefined;
    if (typeof json?.csrfToken === 'string') csrf = json.csrfToken;
    return { status: res.status, body: json };
  };
  return {
    send,
    get: (via, path) => send(via, 'GET', path),
    post: (via, path, body = {}) => send(via, 'POST', path, body),
    delete: (via, path) => send(via, 'DELETE', path),
  };
}
