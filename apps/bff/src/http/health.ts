// Probes for load balancers and orchestrators: GET /healthz (the process answers) and GET /readyz (what a
// request needs is reachable: session store, audit log, IAM endpoint). Mounted before the Host allow-list,
// since probes address a replica by its IP, so they say nothing but "ok" or which dependency is down: no
// session, no audit entry, no error text (it could name hosts or users), no version.
import { Router } from 'express';
import type { Logger } from 'pino';

/** Resolves when the dependency answers; rejects (or never settles) otherwise. */
export type ReadinessCheck = () => Promise<unknown>;

/** A dependency that has not answered within this long counts as down. */
export const CHECK_TIMEOUT_MS = 2_000;
/**
 * Probes arriving within this long of a check share its result: /readyz is open to anyone who reaches the port,
 * and must not turn a flood of probes into a flood of calls to the stores and IAM.
 */
export const CHECK_REUSE_MS = 1_000;

export interface Readiness {
  ready: boolean;
  checks: Record<string, 'ok' | 'failing'>;
}

export function readiness(checks: Record<string, ReadinessCheck>, logger: Logger, clock: () => number = Date.now): () => Promise<Readiness> {
  let last: { at: number; result: Promise<Readiness> } | undefined;
  const run = async (): Promise<Readiness> => {
    const names = Object.keys(checks);
    const outcomes = await Promise.all(
      names.map(async (name) => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
        });
        try {
          await Promise.race([checks[name]!(), timeout]);
          return 'ok' as const;
        } catch (err) {
          logger.warn({ err, check: name }, 'readiness check failed');
          return 'failing' as const;
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    const result = Object.fromEntries(names.map((name, i) => [name, outcomes[i]!]));
    return { ready: outcomes.every((o) => o === 'ok'), checks: result };
  };
  return () => {
    const now = clock();
    if (!last || now - last.at >= CHECK_REUSE_MS || now < last.at) last = { at: now, result: run() };
    return last.result;
  };
}

export function healthRouter(ready: () => Promise<Readiness>): Router {
  const router = Router();
  router.use(['/healthz', '/readyz'], (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const result = await ready();
    res.status(result.ready ? 200 : 503).json({ status: result.ready ? 'ready' : 'not ready', checks: result.checks });
  });
  return router;
}

/** Any HTTP answer from the IAM endpoint means it is reachable; an unsigned GET is refused but answered. */
export function httpReachable(url: string): ReadinessCheck {
  return async () => {
    const res = await fetch(url, { method: 'GET', signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
    await res.body?.cancel();
  };
}
