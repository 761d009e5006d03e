import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tiles from '@cloudscape-design/components/tiles';
import { DEPLOYMENT_TOOLS } from '@iam-console/api-contract/deployment-tools.ts';
import type { DeploymentWizardState, IdentityKind } from '../wizard-state.ts';
import type { SetState } from './tool-step.tsx';

function RoleFields({ state, set }: { state: DeploymentWizardState; set: SetState }) {
  return (
    <SpaceBetween size="m">
      <FormField label="Role name">
        <Input value={state.roleName} onChange={({ detail }) => set({ roleName: detail.value })} ariaLabel="Role name" />
      </FormField>
      <FormField label="Account ID" description="Another AWS account: the account whose users deploy with this role.">
        <Input value={state.trustedAccountId} onChange={({ detail }) => set({ trustedAccountId: detail.value.trim() })} ariaLabel="Account ID" inputMode="numeric" />
      </FormField>
      <Checkbox checked={state.requireExternalId} onChange={({ detail }) => set({ requireExternalId: detail.checked })} description="The other account gives this ID; AssumeRole must name it.">
        Require external ID
      </Checkbox>
      {state.requireExternalId ? (
        <FormField label="External ID">
          <Input value={state.externalId} onChange={({ detail }) => set({ externalId: detail.value.trim() })} ariaLabel="External ID" />
        </FormField>
      ) : null}
      <Checkbox checked={state.requireMfa} onChange={({ detail }) => set({ requireMfa: detail.checked })} description="Only users who give an MFA code may assume the role.">
        Require MFA
      </Checkbox>
      <FormField label="Source profile" description="The profile in ~/.aws/credentials with the keys of the user who assumes the role.">
        <Input value={state.sourceProfile} onChange={({ detail }) => set({ sourceProfile: detail.value.trim() })} ariaLabel="Source profile" />
      </FormField>
      {state.requireMfa ? (
        <FormField label="MFA device ARN" description="That user's MFA device (mfa_serial): the tool asks for its code.">
          <Input value={state.mfaSerial} onChange={({ detail }) => set({ mfaSerial: detail.value.trim() })} ariaLabel="MFA device ARN" placeholder="arn:aws:iam::111122223333:mfa/devcorpuser" />
        </FormField>
      ) : null}
    </SpaceBetween>
  );
}

export function IdentityStep({ state, set }: { state: DeploymentWizardState; set: SetState }) {
  const tool = DEPLOYMENT_TOOLS[state.tool];
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2">Identity</Header>}>
        <Tiles
          ariaLabel="Identity"
          value={state.identity}
          onChange={({ detail }) => set({ identity: detail.value as IdentityKind })}
          items={[
            { value: 'user', label: 'A new IAM user', description: 'Programmatic access: an access key the tool signs with.' },
            { value: 'role', label: 'A role for another AWS account', description: 'Users of the other account assume it with their own keys; you hand over the role ARN.' },
          ]}
        />
      </Container>
      <Container header={<Header variant="h2">Details</Header>}>
        <SpaceBetween size="m">
          {state.identity === 'user' ? (
            <FormField label="User name">
              <Input value={state.userName} onChange={({ detail }) => set({ userName: detail.value })} ariaLabel="User name" />
            </FormField>
          ) : (
            <RoleFields state={state} set={set} />
          )}
          {tool.policy?.kind === 'aws-managed' ? null : (
            <FormField label="Policy name">
              <Input value={state.policyName} onChange={({ detail }) => set({ policyName: detail.value })} ariaLabel="Policy name" />
            </FormField>
          )}
          <FormField label="Profile name" description={`The AWS profile ${tool.name === 'Custom policy' ? 'your tool' : tool.name} reads.`}>
            <Input value={state.profile} onChange={({ detail }) => set({ profile: detail.value.trim() })} ariaLabel="Profile name" />
          </FormField>
        </SpaceBetween>
      </Container>
    </SpaceBetween>
  );
}
