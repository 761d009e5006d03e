import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Plugin } from 'vite';

// Cloudscape's global styles embed their fonts as base64 data: URLs (~180 kB), which would make every
// first visit download them inside the render-blocking CSS. This plugin writes each embedded font to a
// file in a cache directory and points the url() at it, so Vite's asset pipeline emits hashed, cacheable
// font files instead (the build's assetsInlineLimit refuses to inline them again).
const inlineFontUrl = /url\((['"]?)data:font\/([a-z0-9.+-]+);base64,([A-Za-z0-9+/=]+)\1\)/g;

export function extractInlineFonts(options: { cacheDir: string; include: RegExp }): Plugin {
  return {
    name: 'extract-inline-fonts',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!options.include.test(file) || !code.includes('data:font/')) return null;
      mkdirSync(options.cacheDir, { recursive: true });
      const rewritten = code.replace(inlineFontUrl, (_match, _quote: string, format: string, base64: string) => {
        const bytes = Buffer.from(base64, 'base64');
        const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
        const target = join(options.cacheDir, `font-${hash}.${format}`);
        if (!existsSync(target)) writeFileSync(target, bytes);
        const fromCss = relative(dirname(file), target).split('\\').join('/');
        return `url('${fromCss.startsWith('.') ? fromCss : `./${fromCss}`}')`;
      });
      return { code: rewritten, map: null };
    },
  };
}
