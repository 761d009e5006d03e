// The simulator beside the editor: actions, a resource and context keys in; the policy engine's decision for
// each action out, with the deciding statement marked in the editor and, for a denial, the reason.
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import type { PolicyEditorHighlight } from './editor-props.ts';
import type { Evaluation } from './service/protocol.ts';
import { decidingHighlights, decisionLabel, nearMisses, parseActions, simulationInputProblem, simulationRequest, type SimulationInput } from './simulation.ts';
import { policyWorker } from './worker-client.ts';

interface Result {
  action: string;
  evaluation: Evaluation;
}

function reasonOf({ evaluation }: Result): string {
  const { decision } = evaluation;
  const misses = nearMisses(decision).map((s) => `${s.sid ? `Statement "${s.sid}"` : `Statement ${s.statementIndex}`}: ${s.reason}`);
  return [decision.explanation, ...misses].join(' ');
}

export function SimulatorPanel({ text, onHighlight }: { text: string; onHighlight: (highlights: PolicyEditorHighlight[]) => void }) {
  const [input, setInput] = useState<SimulationInput>({
    actions: '',
    resource: '*',
    mfa: false,
    mfaAge: '',
    userName: 'alice',
    sourceIp: '203.0.113.10',
    currentTime: new Date().toISOString().slice(0, 19) + 'Z',
    principalTags: '',
    resourceTags: '',
  });
  const [contextProblem, setContextProblem] = useState<string>();
  const [results, setResults] = useState<Result[]>([]);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<string>();
  const set = <K extends keyof SimulationInput>(key: K, value: SimulationInput[K]) => setInput((current) => ({ ...current, [key]: value }));

  const run = async () => {
    const actions = parseActions(input.actions);
    if (actions.length === 0) {
      setProblem('Enter at least one action, such as iam:GetUser.');
      return;
    }
    setProblem(undefined);
    const invalid = simulationInputProblem(input);
    setContextProblem(invalid);
    if (invalid) return;
    setRunning(true);
    try {
      const worker = policyWorker();
      const next = await Promise.all(actions.map(async (action) => ({ action, evaluation: await worker.call('evaluate', [{ text, type: 'identity', name: 'this policy' }], simulationRequest(input, action)) })));
      setResults(next);
      onHighlight(next[0] ? decidingHighlights(next[0].evaluation.decision) : []);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setRunning(false);
    }
  };

  return (
    <ExpandableSection variant="container" headerText="Policy simulator" headerDescription="Test what this policy allows, as it is in the editor (not saved yet)." defaultExpanded>
      <SpaceBetween size="m">
        <ColumnLayout columns={2}>
          <FormField label="Actions" description="Separate several with commas." errorText={problem}>
            <Input value={input.actions} onChange={({ detail }) => set('actions', detail.value)} placeholder="iam:GetUser, iam:DeleteUser" ariaLabel="Actions to simulate" />
          </FormField>
          <FormField label="Resource" description="An ARN, or * for actions without resources.">
            <Input value={input.resource} onChange={({ detail }) => set('resource', detail.value)} ariaLabel="Resource to simulate" />
          </FormField>
          <FormField label="aws:username">
            <Input value={input.userName} onChange={({ detail }) => set('userName', detail.value)} ariaLabel="User name" />
          </FormField>
          <FormField label="aws:SourceIp">
            <Input value={input.sourceIp} onChange={({ detail }) => set('sourceIp', detail.value)} ariaLabel="Source IP" />
          </FormField>
          <FormField label="aws:CurrentTime">
            <Input value={input.currentTime} onChange={({ detail }) => set('currentTime', detail.value)} ariaLabel="Current time" />
          </FormField>
          <FormField label="aws:MultiFactorAuthPresent">
            <Checkbox checked={input.mfa} onChange={({ detail }) => set('mfa', detail.checked)}>
              MFA present
            </Checkbox>
          </FormField>
          <FormField label="aws:MultiFactorAuthAge" description="Seconds since the MFA sign-in; sent only with MFA present.">
            <Input value={input.mfaAge ?? ''} onChange={({ detail }) => set('mfaAge', detail.value)} disabled={!input.mfa} inputMode="numeric" placeholder="3600" ariaLabel="MFA age in seconds" />
          </FormField>
          <FormField label="aws:PrincipalTag" description="The user's tags, as key=value separated by commas.">
            <Input value={input.principalTags ?? ''} onChange={({ detail }) => set('principalTags', detail.value)} placeholder="team=blue, project=alpha" ariaLabel="Principal tags" />
          </FormField>
          <FormField label="aws:ResourceTag" description="The resource's tags, as key=value separated by commas.">
            <Input value={input.resourceTags ?? ''} onChange={({ detail }) => set('resourceTags', detail.value)} placeholder="team=blue" ariaLabel="Resource tags" />
          </FormField>
        </ColumnLayout>
        {contextProblem ? <StatusIndicator type="error">{contextProblem}</StatusIndicator> : null}
        <Button formAction="none" loading={running} onClick={() => void run()}>
          Run simulation
        </Button>
        {results.length ? (
          <Table<Result>
            items={results}
            trackBy="action"
            variant="embedded"
            selectionType="single"
            selectedItems={[]}
            onRowClick={({ detail }) => onHighlight(decidingHighlights(detail.item.evaluation.decision))}
            ariaLabels={{ tableLabel: 'Simulation results' }}
            columnDefinitions={[
              { id: 'action', header: 'Action', cell: (r) => r.action, isRowHeader: true },
              {
                id: 'decision',
                header: 'Decision',
                cell: (r) => <StatusIndicator type={r.evaluation.decision.decision === 'allowed' ? 'success' : 'error'}>{decisionLabel(r.evaluation.decision)}</StatusIndicator>,
              },
              {
                id: 'statement',
                header: 'Deciding statement',
                cell: (r) => r.evaluation.decision.matchedStatements.map((s) => s.sid ?? `Statement ${s.statementIndex}`).join(', ') || '-',
              },
              { id: 'reason', header: 'Reason', cell: (r) => <Box fontSize="body-s">{reasonOf(r)}</Box> },
            ]}
          />
        ) : null}
      </SpaceBetween>
    </ExpandableSection>
  );
}
