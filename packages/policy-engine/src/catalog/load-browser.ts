// Loads the catalog over HTTP (the web app imports generated/catalog.json as an asset URL with `?url` and
// calls this lazily, ideally in a worker). One request per URL; a failed request is not cached, so it can be retried.
import { createCatalog, type Catalog, type CatalogData } from './catalog.ts';

const loading = new Map<string, Promise<Catalog>>();

export function loadCatalog(url: string): Promise<Catalog> {
  let pending = loading.get(url);
  if (!pending) {
    pending = fetchCatalog(url);
    loading.set(url, pending);
    pending.catch(() => loading.delete(url));
  }
  return pending;
}

async function fetchCatalog(url: string): Promise<Catalog> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load the action catalog from ${url}: HTTP ${response.status}`);
  return createCatalog((await response.json()) as CatalogData);
}
