// "Start from": fill the editor with a bundled real-world policy or an AWS managed policy's default version,
// asking first when that would replace text, and saying where the text came from.
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Link from '@cloudscape-design/components/link';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { awsManagedPoliciesQueryOptions, policyVersionQueryOptions } from '../../lib/policy-queries.ts';
import { AWS_MANAGED_PREFIX, bundledStartingPoint, replacingNeedsConfirmation, startOptions } from './start-from.ts';

interface Start {
  name: string;
  text: string;
  source: string;
  sourceUrl?: string;
}

export function StartFromControl({ current, onReplace }: { current: string; onReplace: (text: string) => void }) {
  const [opened, setOpened] = useState(false);
  const [pending, setPending] = useState<Start | null>(null);
  const [started, setStarted] = useState<Start | null>(null);
  const [problem, setProblem] = useState<string>();
  const [loading, setLoading] = useState(false);
  const queryClient = useQueryClient();
  const managed = useQuery({ ...awsManagedPoliciesQueryOptions(), enabled: opened });
  const options = useMemo(() => startOptions(managed.data ?? []), [managed.data]);

  const apply = (start: Start) => {
    onReplace(start.text);
    setStarted(start);
    setPending(null);
  };

  const choose = async (option: SelectProps.Option) => {
    setProblem(undefined);
    const value = option.value ?? '';
    let start: Start | undefined;
    if (value.startsWith(AWS_MANAGED_PREFIX)) {
      const policy = managed.data?.find((p) => p.arn === value.slice(AWS_MANAGED_PREFIX.length));
      if (!policy) return;
      setLoading(true);
      try {
        const version = await queryClient.fetchQuery(policyVersionQueryOptions(policy.arn, policy.defaultVersionId));
        start = { name: policy.policyName, text: version.document, source: `AWS managed policy ${policy.arn}, version ${policy.defaultVersionId}` };
      } catch (error) {
        setProblem(`Could not read ${policy.policyName}: ${error instanceof Error ? error.message : String(error)}`);
        return;
      } finally {
        setLoading(false);
      }
    } else {
      const example = bundledStartingPoint(value);
      if (!example) return;
      start = { name: example.name, text: example.document, source: example.source, ...(example.sourceUrl ? { sourceUrl: example.sourceUrl } : {}) };
    }
    if (replacingNeedsConfirmation(current) && current !== start.text) setPending(start);
    else apply(start);
  };

  return (
    <SpaceBetween size="xs">
      <div className="policy-editor-start-from">
        <Select
          selectedOption={null}
          placeholder="Start from"
          ariaLabel="Start from"
          options={options}
          onChange={({ detail }) => void choose(detail.selectedOption)}
          onLoadItems={() => setOpened(true)}
          onFocus={() => setOpened(true)}
          filteringType="auto"
          filteringPlaceholder="Find a policy"
          statusType={managed.isFetching || loading ? 'loading' : managed.error ? 'error' : 'finished'}
          loadingText="Loading AWS managed policies"
          errorText="Could not list AWS managed policies; the bundled policies are still here."
          virtualScroll
          expandToViewport
        />
      </div>
      {pending ? (
        <Alert
          type="warning"
          header={`Replace the policy with ${pending.name}?`}
          action={
            <SpaceBetween direction="horizontal" size="xs">
              <Button formAction="none" onClick={() => setPending(null)}>
                Cancel
              </Button>
              <Button formAction="none" variant="primary" onClick={() => apply(pending)}>
                Replace
              </Button>
            </SpaceBetween>
          }
        >
          The text in the editor is replaced; Undo (Ctrl+Z) in the editor brings it back.
        </Alert>
      ) : null}
      {problem ? <Alert type="error">{problem}</Alert> : null}
      {started ? (
        <div data-testid="start-from-source">
          <Box fontSize="body-s" color="text-body-secondary">
          Started from {started.name}. Source:{' '}
          {started.sourceUrl ? (
            <Link external href={started.sourceUrl} fontSize="body-s">
              {started.source}
            </Link>
          ) : (
              started.source
            )}
          </Box>
        </div>
      ) : null}
    </SpaceBetween>
  );
}
