// Checks an answer of the app against the API contract: the route must be in the contract's route table, a
// success must have one of the route's statuses and parse with its answer schema (strict: no field the contract
// does not name), and a failure must be the one error body.
import { errorAnswer } from '@iam-console/api-contract/error.ts';
import { matchRoute } from '@iam-console/api-contract/route-match.ts';

export interface SeenAnswer {
  status: number;
  body: unknown;
  text: string;
  headers?: Record<string, string | undefined>;
}

const isRouteNotFound = (answer: SeenAnswer) =>
  answer.status === 404 && /^API route /.test(String((answer.body as { error?: { message?: unknown } }).error?.message));

/** Throws (failing the test) when `answer` to `method url` breaks the contract; the reason names the route. */
export function expectAnswer(method: string, url: string, answer: SeenAnswer): void {
  if (!url.startsWith('/api/') && url !== '/api') return;
  const matched = matchRoute(method, url);
  const where = `${method} ${url}${matched ? ` (${matched.key})` : ''} answered ${answer.status}`;
  if (!matched) {
    if (isRouteNotFound(answer)) return;
    throw new Error(`${where}, but the API contract has no such route`);
  }
  if (isRouteNotFound(answer)) throw new Error(`${where}: the contract has the route, the app does not`);
  if (answer.status >= 400) {
    const parsed = errorAnswer.safeParse(answer.body);
    if (!parsed.success) throw new Error(`${where} with a body that is not the error body: ${parsed.error.message}\n${answer.text}`);
    return;
  }
  const { route } = matched;
  const statuses = route.status ?? [route.answer || route.file ? 200 : 204];
  if (!statuses.includes(answer.status)) throw new Error(`${where}; the contract says ${statuses.join(' or ')}`);
  if (route.file) {
    const type = answer.headers?.['content-type']?.split(';')[0] ?? '';
    if (!route.file.includes(type)) throw new Error(`${where} with Content-Type ${type}; the contract says ${route.file.join(' or ')}`);
    if (!/^attachment; filename="[^"]+"$/.test(answer.headers?.['content-disposition'] ?? '')) throw new Error(`${where} without Content-Disposition: attachment and a file name`);
    return;
  }
  if (!route.answer) {
    if (answer.text !== '') throw new Error(`${where} with a body, where the contract has none: ${answer.text}`);
    return;
  }
  const parsed = route.answer.safeParse(answer.body);
  if (!parsed.success) throw new Error(`${where} with a body its schema refuses: ${parsed.error.message}`);
}
