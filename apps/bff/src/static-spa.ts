// Serves the built SPA: hashed assets cached for a year, index.html (never cached) for client routes.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import type { Router } from 'express';

const HASHED_ASSET = /[.-][A-Za-z0-9_-]{8,}\.(?:js|mjs|css|woff2?|ttf|svg|png|jpg|webp|wasm)$/;

export function spaRouter(staticDir: string): Router {
  const router = express.Router();
  const index = join(staticDir, 'index.html');
  router.use(
    express.static(staticDir, {
      index: false,
      setHeaders(res, path) {
        res.setHeader('Cache-Control', HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  router.get(/.*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send('The console web app is not built yet: run `pnpm --filter @iam-console/web build`.');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
