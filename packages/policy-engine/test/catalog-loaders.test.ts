import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createCatalog, type CatalogData } from '../src/catalog/catalog.ts';
import { loadCatalog } from '../src/catalog/load-browser.ts';
import { CATALOG_FILE, loadCatalogSync } from '../src/catalog/load-node.ts';
import { generatedCatalog } from './catalog-helpers.ts';

generatedCatalog(); // builds generated/catalog.json when a run starts without it
const catalogText = readFileSync(CATALOG_FILE, 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'catalog-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('createCatalog', () => {
  it('refuses data of another format version with a rebuild hint', () => {
    const data = JSON.parse(catalogText) as CatalogData;
    expect(() => createCatalog({ ...data, v: 1 } as unknown as CatalogData)).toThrow(/format 1, expected 2.*pnpm build/);
    expect(() => createCatalog(null as unknown as CatalogData)).toThrow(/Unsupported catalog data/);
    expect(() => createCatalog('text' as unknown as CatalogData)).toThrow(/Unsupported catalog data/);
  });
});

describe('loadCatalogSync', () => {
  it('loads the generated catalog once and caches it', () => {
    const first = loadCatalogSync();
    expect(first.action('iam:GetUser')?.name).toBe('iam:GetUser');
    expect(loadCatalogSync()).toBe(first);
  });

  it('says to run the build when the file is missing', () => {
    expect(() => loadCatalogSync(join(scratch, 'missing.json'))).toThrow(/missing: run "pnpm build"/);
  });

  it('reports a corrupt file rather than answering from it', () => {
    const corrupt = join(scratch, 'corrupt.json');
    writeFileSync(corrupt, '{"v":2,"s":');
    expect(() => loadCatalogSync(corrupt)).toThrow(/corrupt\.json is not valid JSON .*run "pnpm build" again/);
  });
});

describe('loadCatalog (browser)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('fetches the catalog once per URL', async () => {
    const fetchMock = vi.fn(async () => new Response(catalogText, { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const [a, b] = await Promise.all([loadCatalog('/assets/catalog-1.json'), loadCatalog('/assets/catalog-1.json')]);
    expect(a).toBe(b);
    expect(a.expandActionPattern('iam:GetUse?')).toEqual(['iam:GetUser']);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('rejects on an HTTP error and tries again on the next call', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(new Response('gone', { status: 404 }))
      .mockResolvedValueOnce(new Response(catalogText, { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(loadCatalog('/assets/catalog-2.json')).rejects.toThrow('Could not load the action catalog from /assets/catalog-2.json: HTTP 404');
    const catalog = await loadCatalog('/assets/catalog-2.json');
    expect(catalog.service('s3')?.prefix).toBe('s3');
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
