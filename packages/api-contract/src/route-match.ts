// Which contract route a request is: for tests and tools that see raw requests.
import { routes } from './routes.ts';
import type { Route, RouteKey } from './routes.ts';

export interface MatchedRoute {
  key: RouteKey;
  route: Route;
  /** Path parameters, URL-decoded. */
  params: Record<string, string>;
}

const table = Object.entries(routes).map(([key, route]) => {
  const [method = '', path = ''] = key.split(' ');
  const segments = path.split('/');
  return { key: key as RouteKey, route: route as Route, method, segments, variables: segments.filter((s) => s.startsWith(':')).length };
});
// A literal segment wins over a parameter in the same place.
table.sort((a, b) => a.variables - b.variables);

/** The route `method` `url` (path and query, as sent) is, or undefined for none. */
export function matchRoute(method: string, url: string): MatchedRoute | undefined {
  const path = url.split('?', 1)[0] ?? '';
  const sent = path.split('/');
  for (const candidate of table) {
    if (candidate.method !== method.toUpperCase() || candidate.segments.length !== sent.length) continue;
    const params: Record<string, string> = {};
    const matches = candidate.segments.every((segment, i) => {
      const value = sent[i] ?? '';
      if (!segment.startsWith(':')) return segment === value;
      if (value === '') return false;
      params[segment.slice(1)] = decodeURIComponent(value);
      return true;
    });
    if (matches) return { key: candidate.key, route: candidate.route, params };
  }
  return undefined;
}
