// The credential report as IAM gives it: generate (STARTED/INPROGRESS/COMPLETE) and the CSV's bytes untouched.
import { GenerateCredentialReportCommand, GetCredentialReportCommand } from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { GenerateReportAnswer } from '@iam-console/api-contract/credential-report.ts';
import { compact } from './shape.ts';

export async function generateReport(iam: IAMClient): Promise<GenerateReportAnswer> {
  const out = await iam.send(new GenerateCredentialReportCommand({}));
  return compact({ state: out.State ?? 'STARTED', description: out.Description });
}

export interface FetchedReport {
  /** GetCredentialReport's Content: the SDK has base64-decoded it, the bytes are IAM's CSV. */
  content: Buffer;
  generatedTime: Date;
  reportFormat: string;
}

export async function fetchReport(iam: IAMClient): Promise<FetchedReport> {
  const out = await iam.send(new GetCredentialReportCommand({}));
  const content = out.Content ?? new Uint8Array();
  return {
    content: Buffer.from(content.buffer, content.byteOffset, content.byteLength),
    generatedTime: out.GeneratedTime ?? new Date(0),
    reportFormat: out.ReportFormat ?? 'text/csv',
  };
}
