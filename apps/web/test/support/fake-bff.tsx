// Component tests render real pages against a stand-in for the BFF: global fetch answers from a table of routes.
import I18nProvider from '@cloudscape-design/components/i18n';
import messages from '@cloudscape-design/components/i18n/messages/all.en';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { errorAnswer } from '@iam-console/api-contract/error.ts';
import { matchRoute } from '@iam-console/api-contract/route-match.ts';
import { vi } from 'vitest';

export interface SentRequest {
  method: string;
  path: string;
  /** The JSON body sent, parsed (undefined for none). */
  body?: unknown;
}

/** An answer, or `pending` for a request that never completes (the page stays loading). */
export type Answer = { status: number; body?: unknown } | 'pending';
/** A route answers at once, or computes its answer, possibly later (a promise the test resolves). */
export type Routes = Record<string, Answer | ((request: SentRequest) => Answer | Promise<Answer>)>;

export const ok = (body: unknown): Answer => ({ status: 200, body });

/** The BFF's error body, as the API contract defines it. */
export const failure = (status: number, code: string, message: string, requestId?: string): Answer => ({
  status,
  body: errorAnswer.parse({ error: { message, code, status, ...(requestId ? { requestId } : {}) } }),
});

/** What the BFF answers when IAM refuses: "You lack iam:X on Y (AWS: …)". */
export const accessDenied = (action: string, resource: string, requestId = 'req-denied'): Answer =>
  failure(403, 'AccessDenied', `You lack ${action} on ${resource} (AWS: User: arn:aws:iam::123456789012:user/bob is not authorized to perform: ${action} on resource: ${resource})`, requestId);

/**
 * Why a stand-in answer is not one the BFF could send (a route the API contract lacks, a success body its answer
 * schema refuses — strict: no field the contract does not name — or not the error body), or undefined.
 */
export function contractBreach(method: string, path: string, answer: { status: number; body?: unknown }): string | undefined {
  const matched = matchRoute(method, `/api${path}`);
  if (!matched) return `The stand-in BFF answers ${method} ${path}, a route the API contract does not have`;
  const schema = answer.status >= 400 ? errorAnswer : matched.route.answer;
  const parsed = schema?.safeParse(answer.body);
  if (parsed && !parsed.success) return `The stand-in answer to ${method} ${path} (${matched.key}) is not what the contract says: ${parsed.error.message}`;
  return undefined;
}

/** Contract breaches of the stand-in's answers since the last resetPage, which fails on them. */
const breaches: string[] = [];

/**
 * Answers `GET /api/<path>` from `routes` (key "GET /users"); anything else is a 404 so a test notices
 * a request it did not expect. Returns the requests sent, in order.
 */
export function stubBff(routes: Routes): SentRequest[] {
  const sent: SentRequest[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit = {}) => {
    const request: SentRequest = { method: init.method ?? 'GET', path: String(url).replace(/^\/api/, '') };
    if (typeof init.body === 'string') request.body = JSON.parse(init.body);
    sent.push(request);
    const route = routes[`${request.method} ${request.path}`];
    const answer = typeof route === 'function' ? route(request) : (route ?? failure(404, 'NotFound', `No route ${request.method} ${request.path}`));
    return Promise.resolve(answer).then((settled) => {
      if (settled === 'pending') return new Promise<Response>(() => undefined);
      const breach = route ? contractBreach(request.method, request.path, settled) : undefined;
      if (breach) breaches.push(breach);
      const body = settled.body === undefined ? null : JSON.stringify(settled.body);
      return new Response(body, { status: settled.status, headers: { 'content-type': 'application/json' } });
    });
  });
  return sent;
}

/**
 * Renders `ui` as the app does (Cloudscape's English strings) with a fresh query cache (no retries, so
 * errors show at once) inside a router at `path`.
 */
export function renderPage(ui: ReactNode, path = '/') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <I18nProvider locale="en" messages={[messages]}>
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
      </QueryClientProvider>
    </I18nProvider>,
  );
}

/** Between tests: unmount, restore fetch, forget table preferences. */
export function resetPage() {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
  const found = breaches.splice(0);
  if (found.length > 0) throw new Error(found.join('\n'));
}
