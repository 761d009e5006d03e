import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Link from '@cloudscape-design/components/link';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tiles from '@cloudscape-design/components/tiles';
import { DEPLOYMENT_TOOLS, DEPLOYMENT_TOOL_IDS } from '@iam-console/api-contract/deployment-tools.ts';
import type { DeploymentToolId } from '@iam-console/api-contract/deployment-tools.ts';
import { PolicyEditor } from '../../../components/policy-editor/index.tsx';
import { PLACEMENT_TEXT, placementOf, policyDocuments } from '../wizard-state.ts';
import type { DeploymentWizardState, PolicyContext } from '../wizard-state.ts';

export type SetState = (change: Partial<DeploymentWizardState>) => void;

const TOOL_DESCRIPTIONS: Record<DeploymentToolId, string> = {
  sst: 'The least-privilege policy from SST’s IAM credentials guide (CDK bootstrap, deploy and the SST CLI).',
  serverless: 'The guide’s quick start attaches AdministratorAccess and recommends a narrower policy once your app’s scope is known.',
  amplify: 'The policy the Amplify CLI needs across all categories.',
  up: 'The IAM policy for the Up CLI from Up’s credentials guide.',
  custom: 'Write the policy yourself in the policy editor.',
};

export function ToolStep({ state, set, onTool, context }: { state: DeploymentWizardState; set: SetState; onTool: (tool: DeploymentToolId) => void; context: PolicyContext }) {
  const tool = DEPLOYMENT_TOOLS[state.tool];
  const documents = policyDocuments(state, context);
  const shown = state.variant === 'tightened' && documents.tightened ? documents.tightened : documents.published;
  const placement = placementOf(state, context);
  const editable = state.tool === 'custom';
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2">Deployment tool</Header>}>
        <Tiles
          ariaLabel="Deployment tool"
          value={state.tool}
          onChange={({ detail }) => onTool(detail.value as DeploymentToolId)}
          columns={3}
          items={DEPLOYMENT_TOOL_IDS.map((id) => ({ value: id, label: DEPLOYMENT_TOOLS[id].name, description: TOOL_DESCRIPTIONS[id] }))}
        />
      </Container>
      <Container
        header={
          <Header
            variant="h2"
            description={
              tool.policy ? (
                <>
                  Published at <Link external href={tool.policy.sourceUrl}>{tool.policy.sourceUrl}</Link>. {PLACEMENT_TEXT[placement]}.
                </>
              ) : (
                `${PLACEMENT_TEXT[placement]}.`
              )
            }
          >
            {tool.policy ? `${tool.name} policy` : 'Policy'}
          </Header>
        }
      >
        <SpaceBetween size="m">
          <SpaceBetween direction="horizontal" size="l">
            <FormField label="Region" description="Where the tool deploys; written to the profile.">
              <Input value={state.region} onChange={({ detail }) => set({ region: detail.value.trim() })} ariaLabel="Region" />
            </FormField>
            {tool.policy?.kind === 'document' ? (
              <FormField label="Role name prefix" description="The names of the roles the tool creates start with this." constraintText="Empty leaves role actions as published.">
                <Input value={state.rolePrefix} onChange={({ detail }) => set({ rolePrefix: detail.value.trim() })} ariaLabel="Role name prefix" />
              </FormField>
            ) : null}
          </SpaceBetween>
          {tool.policy?.kind === 'document' ? (
            documents.tightened ? (
              <RadioGroup
                ariaLabel="Policy variant"
                value={state.variant}
                onChange={({ detail }) => set({ variant: detail.value as DeploymentWizardState['variant'] })}
                items={[
                  { value: 'published', label: 'Published policy', description: 'As the tool’s documentation publishes it.' },
                  {
                    value: 'tightened',
                    label: 'Tightened policy',
                    description: `Scoped to account ${context.accountId} and ${state.region}${state.rolePrefix ? `, role actions on roles named ${state.rolePrefix}*` : ''}.`,
                  },
                ]}
              />
            ) : (
              <Box color="text-body-secondary">No tightened variant: nothing in this policy is scoped by account, Region or role name prefix.</Box>
            )
          ) : null}
          {tool.policy?.kind === 'aws-managed' ? (
            <Alert type="warning" header="AdministratorAccess allows every action on every resource">
              This is what the guide attaches to get started. Once you know what your app deploys, choose Custom policy and grant only that.
            </Alert>
          ) : null}
          <PolicyEditor
            key={`${state.tool}-${state.variant}`}
            value={shown}
            onChange={(text) => (editable ? set({ customDocument: text }) : undefined)}
            readOnly={!editable}
            documentKind={placement === 'inline' ? { kind: 'identity', inlineFor: state.identity } : { kind: 'identity' }}
            ariaLabel="Policy document"
            height={360}
          />
        </SpaceBetween>
      </Container>
    </SpaceBetween>
  );
}
