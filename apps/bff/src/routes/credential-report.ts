// /api/credential-report: generate IAM's credential report, read it, download its CSV as IAM wrote it.
import { Router } from 'express';
import { reportFileName } from '@iam-console/api-contract/credential-report.ts';
import { audited } from '../audit/audit-middleware.ts';
import { streamFile } from '../http/download.ts';
import { awsFor } from '../http/locals.ts';
import { fetchReport, generateReport } from '../services/credential-report.ts';

export function credentialReportRouter(): Router {
  const router = Router();
  router.post('/', audited('GenerateCredentialReport', () => 'account'), async (_req, res) => {
    res.json(await generateReport(awsFor(res).iam));
  });
  router.get('/', async (_req, res) => {
    const report = await fetchReport(awsFor(res).iam);
    res.json({ generatedTime: report.generatedTime.toISOString(), reportFormat: report.reportFormat, content: report.content.toString('utf8') });
  });
  router.get('/download', async (_req, res) => {
    const report = await fetchReport(awsFor(res).iam);
    await streamFile(res, { fileName: reportFileName(report.generatedTime), contentType: 'text/csv' }, (write) => write(report.content));
  });
  return router;
}
