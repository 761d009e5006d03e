// Loads generated/catalog.json once per process (Node only: validation, the embedded IAM endpoint, the CLI).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createCatalog, type Catalog, type CatalogData } from './catalog.ts';

/** Where `pnpm build` (scripts/build-catalog.ts) writes the catalog. */
export const CATALOG_FILE = fileURLToPath(new URL('../../generated/catalog.json', import.meta.url));

const loaded = new Map<string, Catalog>();

/** The catalog from `file` (default: the generated one), read and indexed on first use, then cached. */
export function loadCatalogSync(file: string = CATALOG_FILE): Catalog {
  const cached = loaded.get(file);
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`The action catalog ${file} is missing: run "pnpm build" (or "pnpm --filter @iam-console/policy-engine run build") first`);
    }
    throw error;
  }
  let data: CatalogData;
  try {
    data = JSON.parse(text) as CatalogData;
  } catch (error) {
    throw new Error(`The action catalog ${file} is not valid JSON (${(error as Error).message}): run "pnpm build" again`, { cause: error });
  }
  const catalog = createCatalog(data);
  loaded.set(file, catalog);
  return catalog;
}
