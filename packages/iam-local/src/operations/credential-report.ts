// GenerateCredentialReport and GetCredentialReport (Content is the CSV, base64 on the wire).
import type { OperationDefinition } from '../protocol/operation.ts';
import { generateCredentialReport, getCredentialReport } from '../model/credential-report.ts';

export const credentialReportOperations: Record<string, OperationDefinition> = {
  GenerateCredentialReport: {
    service: 'iam',
    authorize: () => [{ action: 'iam:GenerateCredentialReport', resource: '*' }],
    handle(_params, ctx) {
      const result = generateCredentialReport(ctx.state.db, ctx.now);
      return { State: result.state, Description: result.description };
    },
  },

  GetCredentialReport: {
    service: 'iam',
    authorize: () => [{ action: 'iam:GetCredentialReport', resource: '*' }],
    handle(_params, ctx) {
      const report = getCredentialReport(ctx.state.db, ctx.now);
      return { Content: report.content.toString('base64'), ReportFormat: report.reportFormat, GeneratedTime: report.generatedTime };
    },
  },
};
