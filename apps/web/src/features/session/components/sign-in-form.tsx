import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
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

/** Every device IAM named in its MfaRequired answer (older BFFs sent only the first). */
function mfaDevicesOf(body: Record<string, unknown>): string[] {
  const all = Array.isArray(body.mfaSerialNumbers) ? body.mfaSerialNumbers.filter((s): s is string => typeof s === 'string') : [];
  if (all.length > 0) return all;
  return typeof body.mfaSerialNumber === 'string' ? [body.mfaSerialNumber] : [];
}

/** `arn:aws:iam::123456789012:mfa/alice-phone` → `alice-phone`; anything else (a hardware token's serial number) stays as it is. */
function deviceName(serial: string): string {
  return /^arn:[^:]+:iam::\d{12}:mfa\/(.+)$/.exec(serial)?.[1] ?? serial;
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
  // Set once IAM answered MfaRequired: the next attempt repeats the same request with a code (and, for a
  // user with several devices, the one chosen).
  const [mfaChallenge, setMfaChallenge] = useState<{ request: SignInRequest; devices: string[] } | null>(null);
  const [device, setDevice] = useState('');

  const attempt = (request: SignInRequest) => {
    signIn.mutate(request, {
      onSuccess: (signedIn) => {
        setSecretAccessKey('');
        onSignedIn(signedIn);
      },
      onError: (error) => {
        if (isApiError(error) && error.code === 'MfaRequired') {
          const devices = mfaDevicesOf(error.body);
          setMfaChallenge({ request, devices });
          setDevice(devices[0] ?? '');
          setMfaCode('');
        } else if (isApiError(error) && error.code === 'UnknownMfaDevice' && mfaChallenge) {
          // The devices changed since IAM asked (one was removed): offer the current ones.
          const devices = mfaDevicesOf(error.body);
          setMfaChallenge({ ...mfaChallenge, devices });
          if (!devices.includes(device)) setDevice(devices[0] ?? '');
        }
      },
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mfaChallenge) {
      const code = { mfaCode: mfaCode.trim() };
      // The device matters only to the BFF when there are several; a demo identity's device is known.
      const chosen = mfaChallenge.devices.length > 1 && 'accessKeyId' in mfaChallenge.request ? { serialNumber: device } : {};
      attempt({ ...mfaChallenge.request, ...code, ...chosen });
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
                    ? mfaChallenge.devices.length > 1
                      ? `Your identity has ${mfaChallenge.devices.length} MFA devices. Enter the code one of them shows now.`
                      : 'Your identity has an MFA device. Enter the code it shows now.'
                    : 'Use an IAM access key. The console keeps it (or, with MFA, the temporary credentials it opens) encrypted on the server for this session only.'
                }
              >
                {mfaChallenge ? 'Multi-factor authentication' : 'Sign in with an access key'}
              </Header>
            }
          >
            <SpaceBetween size="m">
              {mfaChallenge && mfaChallenge.devices.length > 1 ? (
                <FormField label="MFA device" description="The code is checked against the device you choose.">
                  <RadioGroup
                    value={device}
                    onChange={({ detail }) => setDevice(detail.value)}
                    items={mfaChallenge.devices.map((serial) => ({ value: serial, label: deviceName(serial), description: serial }))}
                    ariaLabel="MFA device"
                  />
                </FormField>
              ) : null}
              {mfaChallenge ? (
                <FormField
                  label="MFA code"
                  description={mfaChallenge.devices.length === 1 ? `Device: ${mfaChallenge.devices[0]}` : undefined}
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
