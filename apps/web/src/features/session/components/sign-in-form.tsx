import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { useDemoIdentities, useSession, useSignIn, type SignInRequest, type SignedInSession } from '../api/session.ts';

const SIGN_OUT_REASONS: Record<string, string> = {
  expired: 'Your session expired. Sign in again to continue.',
  'signed-out': 'You have signed out.',
};

export interface SignInFormProps {
  reason?: string | null;
  onSignedIn: (session: SignedInSession) => void;
}

/** Sign-in with an access key (and MFA code when IAM asks for one), or one click on a demo identity. */
export function SignInForm({ reason, onSignedIn }: SignInFormProps) {
  const session = useSession();
  const localMode = session.data?.localMode ?? false;
  const demoIdentities = useDemoIdentities(localMode);
  const signIn = useSignIn();
  const [accessKeyId, setAccessKeyId] = useState('');
  const [secretAccessKey, setSecretAccessKey] = useState('');
  const [mfaCode, setMfaCode] = useState('');
  // Set once IAM answered MfaRequired: the next attempt repeats the same request with a code.
  const [mfaChallenge, setMfaChallenge] = useState<{ request: SignInRequest; serialNumber?: string } | null>(null);

  const attempt = (request: SignInRequest) => {
    signIn.mutate(request, {
      onSuccess: (signedIn) => {
        setSecretAccessKey('');
        onSignedIn(signedIn);
      },
      onError: (error) => {
        if (isApiError(error) && error.code === 'MfaRequired') {
          const serialNumber = typeof error.body.mfaSerialNumber === 'string' ? error.body.mfaSerialNumber : undefined;
          setMfaChallenge({ request, serialNumber });
          setMfaCode('');
        }
      },
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mfaChallenge) {
      attempt({ ...mfaChallenge.request, mfaCode: mfaCode.trim() });
      return;
    }
    attempt({ accessKeyId: accessKeyId.trim(), secretAccessKey });
  };

  const mfaCodeValid = /^\d{6}$/.test(mfaCode.trim());
  const canSubmit = mfaChallenge ? mfaCodeValid : accessKeyId.trim() !== '' && secretAccessKey !== '';
  const showError = signIn.error && !(isApiError(signIn.error) && signIn.error.code === 'MfaRequired');
  const reasonText = reason ? SIGN_OUT_REASONS[reason] : undefined;

  return (
    <SpaceBetween size="l">
      {reasonText ? <Alert type={reason === 'expired' ? 'warning' : 'info'}>{reasonText}</Alert> : null}
      <form onSubmit={submit} noValidate>
        <Form
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              {mfaChallenge ? (
                <Button formAction="none" variant="link" onClick={() => setMfaChallenge(null)}>
                  Back
                </Button>
              ) : null}
              <Button variant="primary" disabled={!canSubmit} loading={signIn.isPending} data-testid="sign-in-submit">
                Sign in
              </Button>
            </SpaceBetween>
          }
        >
          <Container
            header={
              <Header
                variant="h2"
                description={
                  mfaChallenge
                    ? 'Your identity has an MFA device. Enter the code it shows now.'
                    : 'Use an IAM access key. The console keeps it (or, with MFA, the temporary credentials it opens) encrypted on the server for this session only.'
                }
              >
                {mfaChallenge ? 'Multi-factor authentication' : 'Sign in with an access key'}
              </Header>
            }
          >
            <SpaceBetween size="m">
              {mfaChallenge ? (
                <FormField
                  label="MFA code"
                  description={mfaChallenge.serialNumber ? `Device: ${mfaChallenge.serialNumber}` : undefined}
                  constraintText="6 digits"
                >
                  <Input
                    value={mfaCode}
                    onChange={({ detail }) => setMfaCode(detail.value)}
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    autoFocus
                    ariaLabel="MFA code"
                  />
                </FormField>
              ) : (
                <>
                  <FormField label="Access key ID">
                    <Input
                      value={accessKeyId}
                      onChange={({ detail }) => setAccessKeyId(detail.value)}
                      placeholder="AKIAIOSFODNN7EXAMPLE"
                      autoComplete="username"
                      spellcheck={false}
                      ariaLabel="Access key ID"
                    />
                  </FormField>
                  <FormField label="Secret access key">
                    <Input
                      type="password"
                      value={secretAccessKey}
                      onChange={({ detail }) => setSecretAccessKey(detail.value)}
                      autoComplete="current-password"
                      ariaLabel="Secret access key"
                    />
                  </FormField>
                </>
              )}
              {showError ? <ErrorAlert error={signIn.error} header="Sign-in failed" /> : null}
            </SpaceBetween>
          </Container>
        </Form>
      </form>
      {localMode && !mfaChallenge ? (
        <Container
          header={
            <Header variant="h2" description="The embedded IAM endpoint is seeded with these identities.">
              Demo identities
            </Header>
          }
        >
          {demoIdentities.error ? (
            <ErrorAlert error={demoIdentities.error} header="Could not load the demo identities" />
          ) : (
            <ColumnLayout columns={1} borders="horizontal">
              {(demoIdentities.data ?? []).map((identity) => (
                <SpaceBetween key={identity.id} direction="horizontal" size="m" alignItems="center">
                  <Button
                    onClick={() => attempt({ demoIdentity: identity.id })}
                    loading={signIn.isPending && signIn.variables && 'demoIdentity' in signIn.variables && signIn.variables.demoIdentity === identity.id}
                    data-testid={`demo-${identity.id}`}
                  >
                    Sign in as {identity.label}
                  </Button>
                  <Box variant="small" color="text-body-secondary">
                    {identity.description}
                    {identity.hasMfa ? ' Has an MFA device: the local endpoint supplies the code.' : ''}
                  </Box>
                </SpaceBetween>
              ))}
              {demoIdentities.isPending ? <Box color="text-status-inactive">Loading demo identities…</Box> : null}
            </ColumnLayout>
          )}
        </Container>
      ) : null}
    </SpaceBetween>
  );
}
