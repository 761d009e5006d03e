// /api/audit-log: the console's own audit trail. Readable by whoever IAM lets read the credential
// report (iam:GetCredentialReport) — the auditor's permission — checked by asking IAM itself.
import { Router } from 'express';
import type { Request, Response } from 'express';
import { GetCredentialReportCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import type { AuditLog } from '../audit/audit-log.ts';
import { isAwsError } from '../aws/errors.ts';
import { isAwsCode } from '../services/shape.ts';
import { awsFor } from '../http/locals.ts';
import { query } from '../http/validate.ts';

const RECHECK_MS = 5 * 60_000;

/** Asks IAM (GetCredentialReport) whether this caller may read audit data; a yes is remembered for 5 minutes per session. */
async function mayReadAudit(req: Request, res: Response): Promise<void> {
  const checkedAt = req.session.auditReadAllowedAt;
  if (checkedAt !== undefined && Date.now() - checkedAt < RECHECK_MS) return;
  try {
    await awsFor(res).iam.send(new GetCredentialReportCommand({}));
  } catch (err) {
    // ReportNotPresent / ReportExpired mean the caller is allowed, there is just no report yet.
    if (!isAwsError(err) || isAwsCode(err, 'AccessDenied')) throw err;
  }
  req.session.auditReadAllowedAt = Date.now();
}

export function auditRouter(auditLog: AuditLog): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const q = query(req, z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100), before: z.coerce.number().int().positive().optional() }));
    await mayReadAudit(req, res);
    res.json({ items: auditLog.list(q) });
  });
  return router;
}
