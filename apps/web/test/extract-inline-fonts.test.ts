import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractInlineFonts } from '../vite/extract-inline-fonts.ts';

const fontBytes = Buffer.from('wOF2 not really a font, but bytes all the same');
const css = (quote: string) =>
  `@font-face{font-family:x;src:url(${quote}data:font/woff2;base64,${fontBytes.toString('base64')}${quote}) format("woff2")}` +
  `.icon{background:url("data:image/svg+xml;base64,PHN2Zy8+")}`;

function run(code: string, id: string, cacheDir: string) {
  const plugin = extractInlineFonts({ cacheDir, include: /global-styles[\\/]index\.css$/ });
  const transform = plugin.transform as (code: string, id: string) => { code: string } | null;
  return transform.call({}, code, id);
}

describe('extracting inline fonts', () => {
  it('writes each embedded font to a file and points the CSS at it, leaving other data: URLs alone', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'fonts-'));
    const id = join(cacheDir, 'node_modules', '@cloudscape-design', 'global-styles', 'index.css');
    for (const quote of ["'", '"', '']) {
      const result = run(css(quote), `${id}?direct`, cacheDir);
      expect(result?.code).not.toContain('data:font');
      expect(result?.code).toContain('data:image/svg+xml');
      const url = /url\('([^']+)'\)/.exec(result?.code ?? '')?.[1] ?? '';
      expect(url).toMatch(/^\.\.\/\.\.\/\.\.\/font-[0-9a-f]{16}\.woff2$/);
    }
    const files = readdirSync(cacheDir).filter((name) => name.endsWith('.woff2'));
    expect(files).toHaveLength(1);
    expect(readFileSync(join(cacheDir, files[0] ?? '')).equals(fontBytes)).toBe(true);
  });

  it('ignores other files and CSS without embedded fonts', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'fonts-'));
    expect(run(css("'"), join(cacheDir, 'app.css'), cacheDir)).toBeNull();
    expect(run('.a{color:red}', join(cacheDir, 'global-styles', 'index.css'), cacheDir)).toBeNull();
    expect(readdirSync(cacheDir)).toEqual([]);
  });
});
