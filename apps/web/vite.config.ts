import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { extractInlineFonts } from './vite/extract-inline-fonts.ts';

const fontFile = /\.(woff2?|ttf|otf|eot)$/i;

export default defineConfig({
  plugins: [
    extractInlineFonts({
      cacheDir: resolve(import.meta.dirname, 'node_modules/.cache/inline-fonts'),
      include: /@cloudscape-design[\\/]global-styles[\\/].*\.css$/,
    }),
    react(),
  ],
  build: {
    manifest: true,
    // Fonts stay separate, cacheable files (never data: URLs inside the CSS); other small assets may inline.
    assetsInlineLimit: (filePath) => (fontFile.test(filePath) ? false : undefined),
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: { '/api': { target: process.env.BFF_URL ?? 'http://127.0.0.1:8080', changeOrigin: false } },
  },
});
