// Downloads for auditors: the account's authorization details (as IAM lets the caller read them) and the audit
// bundle (for whoever may read the audit log: services/audit-access.ts).
import { Router } from 'express';
import { fileStamp } from '@iam-console/api-contract/credential-report.ts';
import type { AuditStore } from '../audit/audit-store.ts';
import { streamFile } from '../http/download.ts';
import { awsFor } from '../http/locals.ts';
import { ensureMayReadAudit } from '../services/audit-access.ts';
import { bundleFileName, writeAuditBundle } from '../services/audit-bundle.ts';
import { writeAuthorizationDetails } from '../services/authorization-details.ts';

export function authorizationDetailsRouter(): Router {
  const router = Router();
  router.get('/download', async (_req, res) => {
    const fileName = `authorization-details_${fileStamp(new Date())}.json`;
    await streamFile(res, { fileName, contentType: 'application/json' }, (write) => writeAuthorizationDetails(awsFor(res).iam, write));
  });
  return router;
}

export function auditBundleRouter(auditLog: AuditStore): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const { iam } = awsFor(res);
    await ensureMayReadAudit(iam, req.session, Date.now());
    const now = new Date();
    const input = { iam, auditLog, accountId: res.locals.identity?.accountId ?? '', generatedBy: res.locals.identity?.arn ?? '', now };
    await streamFile(res, { fileName: bundleFileName(now), contentType: 'application/zip' }, (write) => writeAuditBundle(input, write));
  });
  return router;
}
