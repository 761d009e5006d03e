// validatePolicy runs in the browser (live validation in the editor, in a worker): nothing it imports,
// directly or through other modules of the package, may need Node.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm;
const BROWSER_PACKAGES = new Set(['jsonc-parser', 'fastest-levenshtein']);

/** Every module reachable from `entry` through relative imports, with the bare specifiers they import. */
function importGraph(entry: string): { modules: string[]; bare: Set<string> } {
  const seen = new Set<string>();
  const bare = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (specifier!.startsWith('.')) visit(resolve(dirname(file), specifier!));
      else bare.add(specifier!);
    }
  };
  visit(entry);
  return { modules: [...seen], bare };
}

describe('validatePolicy in the browser', () => {
  it('imports no Node built-in and only browser-ready packages', () => {
    const { modules, bare } = importGraph(join(import.meta.dirname, '../src/validate/validate-policy.ts'));
    expect(modules.length).toBeGreaterThan(10);
    expect([...bare].filter((specifier) => !BROWSER_PACKAGES.has(specifier))).toEqual([]);
  });
});
