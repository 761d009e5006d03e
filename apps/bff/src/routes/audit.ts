// /api/audit-log: the console's own audit trail, for whoever IAM lets read the credential report
// (services/audit-access.ts): filtered pages, and the whole filtered log as a CSV or JSON download.
import { Router } from 'express';
import { auditDownloadQuery, auditQuery } from '@iam-console/api-contract/audit.ts';
import type { AuditStore } from '../audit/audit-store.ts';
import { auditContentType, auditFileName, writeAuditLog } from '../audit/audit-export.ts';
import { ensureMayReadAudit } from '../services/audit-access.ts';
import { streamFile } from '../http/download.ts';
import { awsFor } from '../http/locals.ts';
import { query } from '../http/validate.ts';

export function auditRouter(auditLog: AuditStore): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const q = query(req, auditQuery);
    await ensureMayReadAudit(awsFor(res).iam, req.session, Date.now());
    res.json(await auditLog.page(q));
  });
  router.get('/download', async (req, res) => {
    const { format, ...filters } = query(req, auditDownloadQuery);
    await ensureMayReadAudit(awsFor(res).iam, req.session, Date.now());
    const file = { fileName: auditFileName(format, new Date()), contentType: auditContentType(format) };
    await streamFile(res, file, (write) => writeAuditLog(auditLog, filters, format, write));
  });
  return router;
}
