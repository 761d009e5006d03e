// GenerateCredentialReport and GetCredentialReport (Content is the CSV, base64 on the wire, in a CDATA section).
import { XmlLargeBlob, noParameters, operation, type OperationDefinition } from '../protocol/operation.ts';
import { generateCredentialReport, getCredentialReport } from '../model/credential-report.ts';

export const credentialReportOperations: Record<string, OperationDefinition> = {
  GenerateCredentialReport: operation({
    service: 'iam',
    parse: noParameters,
    authorize: () => [{ action: 'iam:GenerateCredentialReport', resource: '*' }],
    handle(_input, ctx) {
      const result = generateCredentialReport(ctx.state.db, ctx.now, ctx.state.credentialReportGenerationMs);
      return { State: result.state, Description: result.description };
    },
  }),

  GetCredentialReport: operation({
    service: 'iam',
    parse: noParameters,
    authorize: () => [{ action: 'iam:GetCredentialReport', resource: '*' }],
    handle(_input, ctx) {
      const report = getCredentialReport(ctx.state.db, ctx.now);
      return { Content: new XmlLargeBlob(report.content), ReportFormat: report.reportFormat, GeneratedTime: report.generatedTime };
    },
  }),
};
