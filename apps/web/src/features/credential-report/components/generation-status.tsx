import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { REPORT_REUSE_MS, type ReportState } from '@iam-console/api-contract/credential-report.ts';
import { formatAge, formatDateTime } from '../../../components/format.ts';

const STATE_TEXT: Record<ReportState, string> = { STARTED: 'Started', INPROGRESS: 'In progress', COMPLETE: 'Complete' };

export interface GenerationStatusProps {
  /** GenerateCredentialReport's last answer while generating. */
  state: ReportState | undefined;
  description: string | undefined;
  generating: boolean;
  generatedTime: string | undefined;
  now: number;
}

/** Where generation stands (STARTED → INPROGRESS → COMPLETE), when the report was made, and when a new one can be. */
export function GenerationStatus({ state, description, generating, generatedTime, now }: GenerationStatusProps) {
  const next = generatedTime ? Date.parse(generatedTime) + REPORT_REUSE_MS : undefined;
  return (
    <Container header={<Header variant="h2" description="IAM generates a new report at most every 4 hours; within that time it hands out the last one.">Report status</Header>}>
      <SpaceBetween size="m">
        {generating ? (
          <div data-testid="generation-state" data-state={state ?? 'STARTED'}>
            <SpaceBetween size="xxs">
              <StatusIndicator type={state === 'COMPLETE' ? 'success' : 'in-progress'}>
                {state ? `${state}: ${STATE_TEXT[state]}` : 'Asking IAM to generate the report'}
              </StatusIndicator>
              {description ? <Box variant="small" display="block">{description}</Box> : null}
            </SpaceBetween>
          </div>
        ) : null}
        {generatedTime ? (
          <KeyValuePairs
            columns={3}
            items={[
              { label: 'Status', value: <StatusIndicator type="success" data-testid="generation-complete">COMPLETE</StatusIndicator> },
              { label: 'Generated', value: <span title={generatedTime}>{`${formatDateTime(generatedTime)} (${formatAge(generatedTime, new Date(now)).toLowerCase()})`}</span> },
              {
                label: 'A new report can be generated',
                value: next !== undefined && next > now ? `From ${formatDateTime(new Date(next).toISOString())}` : 'Now',
              },
            ]}
          />
        ) : generating ? null : (
          <Box>No report to show yet. Generate report asks IAM for one (IAM keeps one report per account).</Box>
        )}
      </SpaceBetween>
    </Container>
  );
}
