import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { allFindings, DEFAULT_THRESHOLDS, findingThresholds } from '@iam-console/api-contract/credential-findings.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Loading } from '../../../components/loading.tsx';
import { usePersistentState } from '../../../components/persistent-state.ts';
import { isAccessDenied } from '../../../lib/api-error.ts';
import { DOWNLOADS, isNoReport, isReportInProgress, useCredentialReport, useGenerateReport, usePasswordPolicyFacts } from '../api/credential-report.ts';
import { parseReport } from '../parse-report.ts';
import { summarize } from '../report-summary.ts';
import { policyFacts, reportFindings, withFindings } from '../report-view.ts';
import { FindingsSection } from './findings-section.tsx';
import { GenerationStatus } from './generation-status.tsx';
import { ReportTable } from './report-table.tsx';
import { SummaryCards, SummaryCharts } from './summary-charts.tsx';
import { useCapabilities } from '../../../lib/capabilities.ts';

const DESCRIPTION =
  'The credential report lists every user in the account and the status of their credentials: passwords, access keys and MFA devices.';

/** The report's lines, parsed in a Web Worker once per report; ages count from when it was parsed. */
function useReportRows(content: string | undefined, generatedTime: string | undefined) {
  return useQuery({
    queryKey: ['credential-report', 'rows', generatedTime],
    queryFn: async () => {
      const now = Date.now();
      return { now, rows: await parseReport(content ?? '', now) };
    },
    enabled: content !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** False until the browser has painted once after `ready`: what is drawn then waits for the table to be on screen. */
function usePaintedAfter(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, painted]);
  return painted;
}

export function CredentialReportPage() {
  const report = useCredentialReport();
  const generation = useGenerateReport();
  const { can } = useCapabilities();
  const policy = usePasswordPolicyFacts();
  const [thresholds, setThresholds] = usePersistentState('iam-console.credential-report.thresholds', DEFAULT_THRESHOLDS, (stored) => findingThresholds.safeParse(stored).data ?? null);
  const parsed = useReportRows(report.data?.content, report.data?.generatedTime);
  const inProgress = isReportInProgress(report.error);
  useEffect(() => {
    if (inProgress) generation.follow();
  }, [inProgress]); // eslint-disable-line react-hooks/exhaustive-deps

  // The lines' findings depend on the thresholds only: the password policy answering later adds the account's
  // findings without remaking the table's 10,000 rows.
  const lines = useMemo(() => {
    if (!parsed.data) return undefined;
    const { rows, now } = parsed.data;
    const findings = reportFindings(rows, undefined, thresholds, now);
    return { now, findings, rows: withFindings(rows, findings) };
  }, [parsed.data, thresholds]);
  const view = useMemo(() => {
    if (!lines) return undefined;
    const account = allFindings([], policyFacts(policy.isSuccess ? policy.data : undefined), thresholds, lines.now);
    return { ...lines, findings: [...account, ...lines.findings], unusedDays: thresholds.unusedDays };
  }, [lines, policy.isSuccess, policy.data, thresholds]);

  // The table first; the summary, charts and findings list are worked out and rendered once it is on screen, so
  // they never hold it up.
  const afterTable = usePaintedAfter(view !== undefined);
  const deferred = useDeferredValue(afterTable ? view : undefined);
  const summary = useMemo(() => deferred && summarize(deferred.rows, deferred.findings, deferred.unusedDays, deferred.now), [deferred]);
  const hasReport = report.data !== undefined;
  // The same element while the report is the same, so the table is not drawn again when the page is.
  const download = useMemo(
    () => (
      <Button iconName="download" href={DOWNLOADS.report} download disabled={!hasReport}>
        Download report
      </Button>
    ),
    [hasReport],
  );
  const reportError = report.error && !isNoReport(report.error) && !inProgress ? report.error : undefined;
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={DESCRIPTION}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button iconName="download" href={DOWNLOADS.authorizationDetails} download>
                Download authorization details
              </Button>
              <Button iconName="download" href={DOWNLOADS.bundle} download disabled={!hasReport} disabledReason="The bundle holds the report: generate it first.">
                Download audit bundle
              </Button>
              {can('iam:GenerateCredentialReport') ? (
                <Button variant="primary" loading={generation.generating} onClick={generation.generate}>
                  Generate report
                </Button>
              ) : null}
            </SpaceBetween>
          }
        >
          Credential report
        </Header>
      }
    >
      <SpaceBetween size="l">
        {generation.error ? <ErrorAlert error={generation.error} header="Could not generate the report" deniedHeader="You may not generate the credential report" /> : null}
        {reportError ? <ErrorAlert error={reportError} header="Could not load the credential report" deniedHeader="You may not read the credential report" /> : null}
        {parsed.error ? <ErrorAlert error={parsed.error} header="Could not read the credential report" /> : null}
        {reportError ? null : (
          <GenerationStatus
          state={generation.state}
          description={generation.description}
          generating={generation.generating || inProgress}
          generatedTime={report.data?.generatedTime}
          now={view?.now ?? Date.now()}
          />
        )}
        {report.isPending || (hasReport && parsed.isPending) ? <Loading /> : null}
        {lines && view && report.data ? (
          <>
            {deferred && summary ? (
              <>
                <SummaryCards summary={summary} />
                <SummaryCharts summary={summary} />
                <FindingsSection
              findings={deferred.findings}
              thresholds={thresholds}
              onThresholdsChange={setThresholds}
              policyNote={policy.isError ? `The password policy checks are left out: ${isAccessDenied(policy.error) ? policy.error.message : 'it could not be read'}.` : undefined}
                />
              </>
            ) : null}
            <div data-testid="report-table">
              <ReportTable rows={lines.rows} generatedTime={report.data.generatedTime} now={lines.now} downloadReport={download} />
            </div>
          </>
        ) : null}
      </SpaceBetween>
    </ContentLayout>
  );
}
