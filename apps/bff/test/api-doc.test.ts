// API.md, the contract's route table and the Express app list the same routes: a route added, renamed or
// removed on one side only fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { routes } from '@iam-console/api-contract/routes.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { createHarness } from './helpers/harness.ts';
import { fakeAws } from './helpers/fake-aws.ts';

interface Layer {
  rawPath?: string;
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

/** Every `METHOD /path` route of an Express app, mount paths included (Express 5 keeps them as `rawPath`). */
function appRoutes(stack: Layer[], prefix = ''): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const path = `${prefix}${layer.route.path === '/' ? '' : layer.route.path}`;
      return Object.keys(layer.route.methods).filter((m) => m !== '_all').map((m) => `${m.toUpperCase()} ${path}`);
    }
    const mount = layer.rawPath && layer.rawPath !== '/' ? layer.rawPath : '';
    return layer.handle.stack ? appRoutes(layer.handle.stack, prefix + mount) : [];
  });
}

/** The routes API.md lists: list items that begin with `METHOD /api/…` (a query string is no part of the route). */
export function documentedRoutes(markdown: string): string[] {
  return [...markdown.matchAll(/^- `(GET|POST|PUT|PATCH|DELETE) (\/api[^`?\s]*)/gm)].map((m) => `${m[1]} ${m[2]}`);
}

const contract = Object.keys(routes);

/** What one list has that the other lacks, both ways: both empty when they agree. */
function difference(listed: string[], expected: string[]) {
  return {
    notInContract: listed.filter((r) => !expected.includes(r)),
    missing: expected.filter((r) => !listed.includes(r)),
    twice: listed.filter((r, i) => listed.indexOf(r) !== i),
  };
}
const agreeing = { notInContract: [], missing: [], twice: [] };
const h = createHarness(fakeAws({}).makeClients);
afterAll(() => h.close());

describe('the route lists agree', () => {
  it('the Express app has exactly the contract’s routes', () => {
    const app = appRoutes((h.app as unknown as { router: { stack: Layer[] } }).router.stack).filter((r) => r.split(' ')[1]!.startsWith('/api'));
    expect(difference(app, contract)).toEqual(agreeing);
  });

  it('API.md lists exactly the contract’s routes, each once', () => {
    const documented = documentedRoutes(readFileSync(join(import.meta.dirname, '..', 'API.md'), 'utf8'));
    expect(difference(documented, contract)).toEqual(agreeing);
  });

  it('reads the route of a list item and nothing else', () => {
    expect(documentedRoutes('- `GET /api/groups?memberCount=true|false` → x\n- `PUT /api/a/:b` `{ c }`\nsee `GET /api/not-listed`\n  - `GET /api/indented`')).toEqual(['GET /api/groups', 'PUT /api/a/:b']);
  });
});
