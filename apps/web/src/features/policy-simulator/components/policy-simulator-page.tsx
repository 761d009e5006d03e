import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { isAccessDenied } from '../../../lib/api-error.ts';
import { ACTION_GROUPS, addActions, parseActions } from '../actions.ts';
import { usePrincipals, useSimulation, type PrincipalOption } from '../api/policy-simulator.ts';
import { toContextEntries, type ContextRow } from '../context-entries.ts';
import { ContextEntriesEditor } from './context-entries-editor.tsx';
import { ResultsTable } from './results-table.tsx';

function principalOptions(options: readonly PrincipalOption[]): SelectProps.OptionGroup[] {
  const group = (kind: PrincipalOption['kind'], label: string) => ({
    label,
    options: options.filter((o) => o.kind === kind).map((o) => ({ value: o.arn, label: o.name, description: o.arn })),
  });
  return [group('user', 'Users'), group('role', 'Roles')];
}

/** Simulates a user's or role's policies (SimulatePrincipalPolicy) for many actions at once. */
export function PolicySimulatorPage() {
  const principals = usePrincipals();
  const simulation = useSimulation();
  const [principal, setPrincipal] = useState<SelectProps.Option | null>(null);
  // When IAM refuses the users or roles list, the principal can still be named by its ARN.
  const [typedArn, setTypedArn] = useState('');
  const principalArn = principals.error ? typedArn.trim() : principal?.value;
  const [actionText, setActionText] = useState('');
  const [resource, setResource] = useState('*');
  const [context, setContext] = useState<ContextRow[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const parsed = parseActions(actionText);
  const actionError = parsed.problems.length > 0 ? parsed.problems.join('. ') : submitted && parsed.actions.length === 0 ? 'Enter at least one action.' : undefined;
  const principalError = submitted && !principalArn ? 'Choose a user or role.' : undefined;

  const run = () => {
    setSubmitted(true);
    if (!principalArn || parsed.actions.length === 0 || parsed.problems.length > 0) return;
    simulation.mutate({ principalArn, actionNames: parsed.actions, resourceArn: resource.trim() || '*', contextEntries: toContextEntries(context) });
  };

  return (
    <ContentLayout
      header={
        <Header variant="h1" description="See what IAM decides for a user's or role's requests: its own policies, its groups' and its permissions boundary, weighed as IAM weighs them.">
          Policy simulator
        </Header>
      }
    >
      <SpaceBetween size="l">
        <form onSubmit={(e) => { e.preventDefault(); run(); }}>
          <Form actions={<Button variant="primary" loading={simulation.isPending} formAction="submit">Run simulation</Button>}>
            <Container header={<Header variant="h2">Simulation settings</Header>}>
              <SpaceBetween size="l">
                {principals.error ? (
                  <>
                    <ErrorAlert error={principals.error} header="Could not load users and roles" />
                    <FormField label="User or role ARN" description="The list is not available to you: name the user or role by its ARN." errorText={principalError}>
                      <Input value={typedArn} placeholder="arn:aws:iam::111122223333:user/alice" onChange={({ detail }) => setTypedArn(detail.value)} />
                    </FormField>
                  </>
                ) : (
                  <FormField label="User or role" errorText={principalError}>
                    <Select
                      selectedOption={principal}
                      options={principalOptions(principals.options)}
                      filteringType="auto"
                      placeholder="Choose a user or role"
                      statusType={principals.loading ? 'loading' : 'finished'}
                      loadingText="Loading users and roles"
                      empty="No users or roles"
                      onChange={({ detail }) => setPrincipal(detail.selectedOption)}
                    />
                  </FormField>
                )}
                <FormField
                  label="Actions"
                  description="One action per line, as service:Action. The simulator takes no wildcards: name each action."
                  constraintText={`${parsed.actions.length} action${parsed.actions.length === 1 ? '' : 's'}`}
                  errorText={actionError}
                  secondaryControl={
                    <SpaceBetween direction="horizontal" size="xs">
                      {ACTION_GROUPS.map((g) => (
                        <Button key={g.label} iconName="add-plus" onClick={() => setActionText((text) => addActions(text, g.actions))}>
                          {g.label}
                        </Button>
                      ))}
                    </SpaceBetween>
                  }
                >
                  <Textarea value={actionText} rows={6} placeholder={'iam:ListUsers\niam:CreateUser'} onChange={({ detail }) => setActionText(detail.value)} />
                </FormField>
                <FormField label="Resource ARN" description="The resource the actions act on; * for any resource." >
                  <Input value={resource} onChange={({ detail }) => setResource(detail.value)} />
                </FormField>
                <ExpandableSection headerText={`Context entries (${context.length})`} variant="footer">
                  <ContextEntriesEditor rows={context} onChange={setContext} />
                </ExpandableSection>
              </SpaceBetween>
            </Container>
          </Form>
        </form>
        {simulation.error ? (
          <ErrorAlert
            error={simulation.error}
            header="Could not run the simulation"
            deniedHeader="You may not simulate this principal's policies"
            action={isAccessDenied(simulation.error) ? undefined : <Button onClick={run}>Retry</Button>}
          />
        ) : null}
        {simulation.error && isAccessDenied(simulation.error) ? (
          <Box variant="p">The simulator runs as you: it needs iam:SimulatePrincipalPolicy on the user or role. Ask an administrator for it.</Box>
        ) : null}
        {simulation.data ? <ResultsTable results={simulation.data.results} principalName={simulation.data.principalArn.split('/').at(-1) ?? ''} /> : null}
      </SpaceBetween>
    </ContentLayout>
  );
}
