// Shared by the catalog and diff tests: the generated catalog, built first when a test run starts without it.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CATALOG_FILE, loadCatalogSync } from '../src/catalog/load-node.ts';
import type { Catalog } from '../src/catalog/catalog.ts';

export function generatedCatalog(): Catalog {
  if (!existsSync(CATALOG_FILE)) {
    const script = fileURLToPath(new URL('../scripts/build-catalog.ts', import.meta.url));
    execFileSync(process.execPath, [script], { stdio: 'ignore' });
  }
  return loadCatalogSync();
}
