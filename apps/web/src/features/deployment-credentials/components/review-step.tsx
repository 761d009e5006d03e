import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { DEPLOYMENT_TOOLS } from '@iam-console/api-contract/deployment-tools.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PLACEMENT_TEXT, placementOf } from '../wizard-state.ts';
import type { DeploymentWizardState, PolicyContext } from '../wizard-state.ts';

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/** What will be created, in the order the BFF creates it. */
export function ReviewStep({ state, context, error }: { state: DeploymentWizardState; context: PolicyContext; error: unknown }) {
  const tool = DEPLOYMENT_TOOLS[state.tool];
  const policy = tool.policy?.kind === 'aws-managed' ? tool.policy.policyArn : `${state.policyName} (${state.variant === 'tightened' ? 'tightened' : tool.policy ? 'as published' : 'custom'})`;
  const identity = state.identity === 'user'
    ? [{ label: 'User name', value: state.userName }, { label: 'Access key', value: 'Created with the user, shown once' }]
    : [
        { label: 'Role name', value: state.roleName },
        { label: 'Another AWS account', value: state.trustedAccountId },
        { label: 'Require external ID', value: state.requireExternalId ? `Yes (${state.externalId})` : 'No' },
        { label: 'Require MFA', value: yesNo(state.requireMfa) },
      ];
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2">Review</Header>}>
        <KeyValuePairs
          columns={3}
          items={[
            { label: 'Deployment tool', value: tool.name },
            ...identity,
            { label: 'Policy', value: policy },
            { label: 'Policy placement', value: PLACEMENT_TEXT[placementOf(state, context)] },
            { label: 'Profile name', value: state.profile },
            { label: 'Region', value: state.region },
          ]}
        />
      </Container>
      {error ? <ErrorAlert error={error} header={`Could not create the ${state.identity === 'user' ? 'user' : 'role'}`} /> : null}
    </SpaceBetween>
  );
}
