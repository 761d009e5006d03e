// The page a sign-in whose password must be changed is held on (the AWS console shows nothing else then): old
// password, new password twice, the account password policy ticked off as one types. Afterwards the same session
// carries on to where the person was going.
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState, type FormEvent } from 'react';
import { ChangePasswordFields, changePasswordReady, EMPTY_CHANGE_PASSWORD } from '../../../components/change-password-fields.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useAccountPasswordPolicy, useChangeRequiredPassword } from '../api/password-change.ts';
import { useSignOut, type SignedInSession } from '../api/session.ts';

export interface ChangePasswordPageProps {
  session: SignedInSession;
  onSignedOut: () => void;
}

export function ChangePasswordPage({ session, onSignedOut }: ChangePasswordPageProps) {
  const policy = useAccountPasswordPolicy();
  const change = useChangeRequiredPassword();
  const signOut = useSignOut();
  const [values, setValues] = useState(EMPTY_CHANGE_PASSWORD);
  const known = policy.data?.policy ?? null;
  const ready = changePasswordReady(values, known) && !policy.isPending;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) change.mutate({ oldPassword: values.oldPassword, newPassword: values.newPassword });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Form
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button formAction="none" variant="link" onClick={() => signOut.mutate(undefined, { onSettled: onSignedOut })}>
              Sign out
            </Button>
            <Button variant="primary" disabled={!ready} loading={change.isPending} data-testid="change-password-submit">
              Confirm password change
            </Button>
          </SpaceBetween>
        }
      >
        <Container
          header={
            <Header variant="h2" description={`You must change the password of ${session.identity.userName ?? session.identity.arn} before you can continue.`}>
              Change password
            </Header>
          }
        >
          <SpaceBetween size="m">
            <ChangePasswordFields values={values} onChange={setValues} policy={known} policyUnknown={policy.isError} />
            {change.error ? <ErrorAlert error={change.error} header="Your password was not changed" /> : null}
          </SpaceBetween>
        </Container>
      </Form>
    </form>
  );
}
