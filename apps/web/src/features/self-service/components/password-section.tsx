import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { FormModal } from '../../../components/form-modal.tsx';
import { notifySuccess } from '../../../components/notifications.tsx';
import { ChangePasswordFields, changePasswordReady, EMPTY_CHANGE_PASSWORD } from '../../../components/change-password-fields.tsx';
import type { PasswordPolicy } from '../../../utils/password-policy.ts';
import { useChangePassword, type SecurityCredentials } from '../api/self-service.ts';
import { SectionNotice } from './section-notice.tsx';
import type { SectionState } from './section-state.ts';

/** "Change password" (IAM User Guide, "How IAM users change their own password (console)"), the policy ticked off as you type. */
function ChangePasswordModal({ policy, onClose }: { policy: PasswordPolicy | null; onClose: () => void }) {
  const change = useChangePassword();
  const [values, setValues] = useState(EMPTY_CHANGE_PASSWORD);
  return (
    <FormModal
      header="Change password"
      primaryLabel="Change password"
      busy={change.isPending}
      primaryDisabled={!changePasswordReady(values, policy)}
      onDismiss={onClose}
      onPrimary={() =>
        change.mutate({ oldPassword: values.oldPassword, newPassword: values.newPassword }, {
          onSuccess: () => {
            notifySuccess('Your console password was changed.');
            onClose();
          },
        })
      }
    >
      <SpaceBetween size="m">
        <ChangePasswordFields values={values} onChange={setValues} policy={policy} />
        {change.error ? <ErrorAlert error={change.error} header="Your password was not changed" /> : null}
      </SpaceBetween>
    </FormModal>
  );
}

export interface PasswordSectionProps {
  credentials: SecurityCredentials;
  state: SectionState;
  loginProfileState: SectionState;
}

export function PasswordSection({ credentials, state, loginProfileState }: PasswordSectionProps) {
  const [changing, setChanging] = useState(false);
  const profile = credentials.loginProfile;
  const isRoot = credentials.principalType === 'root';
  // A console password IAM says is not there cannot be changed; one IAM would not tell about may be.
  const noPassword = loginProfileState.kind === 'open' && profile === null;
  const open = state.kind === 'open';
  return (
    <Container
      header={
        <Header
          variant="h2"
          description="The password you use to sign in to the AWS Management Console (and to this console when it runs locally)."
          actions={
            <Button disabled={!open || isRoot || noPassword} disabledReason={isRoot ? 'The root user changes its password in the AWS account settings.' : noPassword ? 'You have no console password.' : undefined} onClick={() => setChanging(true)}>
              Change password
            </Button>
          }
        >
          Console sign-in
        </Header>
      }
    >
      {open ? (
        <KeyValuePairs
          columns={2}
          items={[
            {
              label: 'Console password',
              value:
                loginProfileState.kind !== 'open' ? (
                  <Box color="text-status-inactive">Unknown (you lack {loginProfileState.action ?? 'permission'})</Box>
                ) : profile ? (
                  <StatusIndicator>Set {formatDateTime(profile.createDate)}{profile.passwordResetRequired ? ' (reset required at next sign-in)' : ''}</StatusIndicator>
                ) : (
                  <StatusIndicator type="stopped">Not set</StatusIndicator>
                ),
            },
            { label: 'Account password policy', value: credentials.passwordPolicy ? `At least ${credentials.passwordPolicy.MinimumPasswordLength ?? 8} characters` : 'IAM default' },
          ]}
        />
      ) : (
        <SectionNotice state={state} what="the account password policy" />
      )}
      {changing ? <ChangePasswordModal policy={credentials.passwordPolicy} onClose={() => setChanging(false)} /> : null}
    </Container>
  );
}
