// /api/audit-log: the console's own audit trail, for whoever IAM lets read the credential report
// (services/audit-access.ts).
import { Router } from 'express';
import { auditQuery } from '@iam-console/api-contract/audit.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { ensureMayReadAudit } from '../services/audit-access.ts';
import { awsFor } from '../http/locals.ts';
import { query } from '../http/validate.ts';

export function auditRouter(auditLog: AuditLog): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const q = query(req, auditQuery);
    await ensureMayReadAudit(awsFor(res).iam, req.session, Date.now());
    res.json({ items: auditLog.list(q) });
  });
  return router;
}
