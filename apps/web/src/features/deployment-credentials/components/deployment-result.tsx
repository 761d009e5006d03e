import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { NewAccessKeyPanel } from '../../../components/access-keys/new-access-key-panel.tsx';
import type { CreatedDeploymentRole, CreatedDeploymentUser } from '../api/deployment-credentials.ts';
import { profileFiles } from '../profile-files.ts';
import type { DeploymentWizardState } from '../wizard-state.ts';
import { CheckCredentials } from './check-credentials.tsx';
import { ProfileFilesPanel } from './profile-files-panel.tsx';

export type Created = { kind: 'user'; user: CreatedDeploymentUser } | { kind: 'role'; role: CreatedDeploymentRole };

const POLICY_WORDS = { inline: 'inline policy', 'customer-managed': 'customer managed policy', 'aws-managed': 'AWS managed policy' } as const;

/** After the change: the secret once, the files the tool reads, and the check that they work. */
export function DeploymentResult({ created, state, onDone }: { created: Created; state: DeploymentWizardState; onDone: () => void }) {
  const base = { tool: state.tool, profile: state.profile, region: state.region };
  const files = created.kind === 'user'
    ? profileFiles({ kind: 'user', ...base, accessKeyId: created.user.accessKey.accessKeyId, secretAccessKey: created.user.accessKey.secretAccessKey })
    : profileFiles({
        kind: 'role',
        ...base,
        roleArn: created.role.roleArn,
        sourceProfile: state.sourceProfile,
        externalId: state.requireExternalId ? state.externalId : undefined,
        mfaSerial: state.requireMfa ? state.mfaSerial || '<MFA device ARN of your user>' : undefined,
      });
  const policy = created.kind === 'user' ? created.user.policy : created.role.policy;
  const name = created.kind === 'user' ? created.user.userName : created.role.roleName;
  return (
    <SpaceBetween size="l">
      <Alert type="success" header={`${created.kind === 'user' ? 'User' : 'Role'} ${name} created`}>
        With the {POLICY_WORDS[policy.placement]} {policy.policyName}.
      </Alert>
      {created.kind === 'user' ? (
        <Container header={<Header variant="h2">Access key</Header>}>
          <NewAccessKeyPanel userName={created.user.userName} accessKey={created.user.accessKey} />
        </Container>
      ) : (
        <Container header={<Header variant="h2" description="Give it to the other account: its users set it as role_arn.">Role ARN</Header>}>
          <KeyValuePairs
            columns={1}
            items={[{ label: 'Role ARN', value: <CopyToClipboard variant="inline" textToCopy={created.role.roleArn} copyButtonAriaLabel="Copy role ARN" copySuccessText="Role ARN copied" copyErrorText="Could not copy" /> }]}
          />
        </Container>
      )}
      <Container header={<Header variant="h2" description="Paste these where the tool looks for them, or download them.">Profile</Header>}>
        <ProfileFilesPanel files={files} />
      </Container>
      <Container header={<Header variant="h2">Check credentials</Header>}>
        <CheckCredentials
          target={created.kind === 'user'
            ? { kind: 'user', accessKeyId: created.user.accessKey.accessKeyId }
            : { kind: 'role', roleArn: created.role.roleArn, externalId: state.requireExternalId ? state.externalId : undefined, requireMfa: state.requireMfa, mfaSerial: state.mfaSerial }}
        />
      </Container>
      <Button onClick={onDone}>Set up another tool</Button>
    </SpaceBetween>
  );
}
