// Serves the built SPA: Vite's content-hashed files under assets/ cached for a year, everything else
// revalidated, and index.html for client routes.
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import express from 'express';
import type { Router } from 'express';

export function spaRouter(staticDir: string): Router {
  const router = express.Router();
  const index = join(staticDir, 'index.html');
  const hashedDir = join(staticDir, 'assets') + sep;
  router.use(
    express.static(staticDir, {
      index: false,
      setHeaders(res, path) {
        res.setHeader('Cache-Control', path.startsWith(hashedDir) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  router.get(/.*/, (req, res, next) => {
    // Only page navigations (which ask for text/html) get the app; a missing asset stays a 404.
    if (req.path.startsWith('/assets/') || !(req.get('accept') ?? '').includes('text/html')) return next();
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send('The console web app is not built yet: run `pnpm --filter @iam-console/web build`.');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
