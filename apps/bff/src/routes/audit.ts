// /api/audit-log: the console's own audit trail, for whoever IAM lets read the credential report
// (services/audit-access.ts).
import { Router } from 'express';
import { z } from 'zod';
import type { AuditLog } from '../audit/audit-log.ts';
import { ensureMayReadAudit } from '../services/audit-access.ts';
import { awsFor } from '../http/locals.ts';
import { query } from '../http/validate.ts';

export function auditRouter(auditLog: AuditLog): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const q = query(req, z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100), before: z.coerce.number().int().positive().optional() }));
    await ensureMayReadAudit(awsFor(res).iam, req.session, Date.now());
    res.json({ items: auditLog.list(q) });
  });
  return router;
}
