import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { useDemoIdentities, useSession, useSignIn, type SignInRequest, type SignedInSession } from '../api/session.ts';
import { AccessKeyFields, DemoIdentities, MfaFields, mfaDevicesOf, PasswordFields } from './sign-in-parts.tsx';

const SIGN_OUT_REASONS: Record<string, string> = {
  expired: 'Your session expired. Sign in again to continue.',
  'signed-out': 'You have signed out.',
  'signed-out-everywhere': 'You have signed out of all your sessions, in every browser.',
  'key-deactivated': 'You deactivated the access key this session signed in with. Sign in with another access key.',
};

export interface SignInFormProps {
  reason?: string | null;
  onSignedIn: (session: SignedInSession) => void;
}

/** Set once IAM answered MfaRequired: the next attempt repeats the request with a code (and the device chosen). */
interface MfaChallenge {
  request: SignInRequest;
  devices: string[];
}

/**
 * Sign-in attempts: the first with the key (or a demo identity), then, when IAM asks for MFA, the same request
 * with a code from the device chosen; the device list follows what IAM says the user has.
 */
function useSignInAttempts(onSignedIn: (session: SignedInSession) => void, onKeyUsed: () => void) {
  const signIn = useSignIn();
  const [challenge, setChallenge] = useState<MfaChallenge | null>(null);
  const [device, setDevice] = useState('');
  const [mfaCode, setMfaCode] = useState('');

  const attempt = (request: SignInRequest) => {
    signIn.mutate(request, {
      onSuccess: (signedIn) => {
        onKeyUsed();
        onSignedIn(signedIn);
      },
      onError: (error) => {
        if (isApiError(error) && error.code === 'MfaRequired') {
          const devices = mfaDevicesOf(error.body);
          setChallenge({ request, devices });
          setDevice(devices[0] ?? '');
          setMfaCode('');
        } else if (isApiError(error) && error.code === 'UnknownMfaDevice' && challenge) {
          // The devices changed since IAM asked (one was removed): offer the current ones.
          const devices = mfaDevicesOf(error.body);
          setChallenge({ ...challenge, devices });
          if (!devices.includes(device)) setDevice(devices[0] ?? '');
        }
      },
    });
  };

  const answerChallenge = () => {
    if (!challenge) return;
    // The device matters only to the BFF when there are several; a demo identity's device is known.
    const chosen = challenge.devices.length > 1 && 'accessKeyId' in challenge.request ? { serialNumber: device } : {};
    attempt({ ...challenge.request, mfaCode: mfaCode.trim(), ...chosen });
  };

  const signingInAs = signIn.isPending && signIn.variables && 'demoIdentity' in signIn.variables ? signIn.variables.demoIdentity : undefined;
  // MfaRequired is a step of the sign-in, not a failure to show.
  const error = signIn.error && !(isApiError(signIn.error) && signIn.error.code === 'MfaRequired') ? signIn.error : null;
  return {
    attempt, answerChallenge, challenge, device, setDevice, mfaCode, setMfaCode, signingInAs, error,
    pending: signIn.isPending,
    back: () => setChallenge(null),
  };
}

/**
 * Sign-in with an access key (and MFA code when IAM asks for one), or one click on a demo identity; in local mode
 * also with an IAM user's password.
 */
export function SignInForm({ reason, onSignedIn }: SignInFormProps) {
  const session = useSession();
  const localMode = session.data?.localMode ?? false;
  const demoIdentities = useDemoIdentities(localMode);
  const [accessKeyId, setAccessKeyId] = useState('');
  const [secretAccessKey, setSecretAccessKey] = useState('');
  // Local mode only: the embedded endpoint can check a console password (AWS has no API for that).
  const [withPassword, setWithPassword] = useState(false);
  const [accountId, setAccountId] = useState('');
  const [userName, setUserName] = useState('');
  const [password, setPassword] = useState('');
  const flow = useSignInAttempts(onSignedIn, () => {
    setSecretAccessKey('');
    setPassword('');
  });
  const challenge = flow.challenge;
  const passwordMode = localMode && withPassword;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (challenge) flow.answerChallenge();
    else if (passwordMode) flow.attempt({ accountId: accountId.trim(), userName: userName.trim(), password });
    else flow.attempt({ accessKeyId: accessKeyId.trim(), secretAccessKey });
  };

  const canSubmit = challenge
    ? /^\d{6}$/.test(flow.mfaCode.trim())
    : passwordMode
      ? userName.trim() !== '' && password !== ''
      : accessKeyId.trim() !== '' && secretAccessKey !== '';
  const reasonText = reason ? SIGN_OUT_REASONS[reason] : undefined;
  const description = !challenge
    ? passwordMode
      ? 'Use the console password of an IAM user. The local IAM endpoint checks it; the console keeps the temporary credentials it answers encrypted on the server for this session only.'
      : 'Use an IAM access key. The console keeps it (or, with MFA, the temporary credentials it opens) encrypted on the server for this session only.'
    : challenge.devices.length > 1
      ? `Your identity has ${challenge.devices.length} MFA devices. Enter the code one of them shows now.`
      : 'Your identity has an MFA device. Enter the code it shows now.';

  return (
    <SpaceBetween size="l">
      {reasonText ? <Alert type={reason === 'expired' ? 'warning' : 'info'}>{reasonText}</Alert> : null}
      <form onSubmit={submit} noValidate>
        <Form
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              {challenge ? (
                <Button formAction="none" variant="link" onClick={flow.back}>
                  Back
                </Button>
              ) : null}
              <Button variant="primary" disabled={!canSubmit} loading={flow.pending} data-testid="sign-in-submit">
                Sign in
              </Button>
            </SpaceBetween>
          }
        >
          <Container
            header={
              <Header
                variant="h2"
                description={description}
                actions={
                  localMode && !challenge ? (
                    <Button formAction="none" variant="link" onClick={() => setWithPassword(!withPassword)}>
                      {passwordMode ? 'Sign in with an access key' : 'Sign in with password'}
                    </Button>
                  ) : undefined
                }
              >
                {challenge ? 'Multi-factor authentication' : passwordMode ? 'Sign in with password' : 'Sign in with an access key'}
              </Header>
            }
          >
            <SpaceBetween size="m">
              {challenge ? (
                <MfaFields devices={challenge.devices} device={flow.device} onDevice={flow.setDevice} code={flow.mfaCode} onCode={flow.setMfaCode} />
              ) : passwordMode ? (
                <PasswordFields accountId={accountId} userName={userName} password={password} onAccountId={setAccountId} onUserName={setUserName} onPassword={setPassword} />
              ) : (
                <AccessKeyFields accessKeyId={accessKeyId} secretAccessKey={secretAccessKey} onAccessKeyId={setAccessKeyId} onSecretAccessKey={setSecretAccessKey} />
              )}
              {flow.error ? <ErrorAlert error={flow.error} header="Sign-in failed" /> : null}
            </SpaceBetween>
          </Container>
        </Form>
      </form>
      {localMode && !challenge ? (
        <DemoIdentities
          identities={demoIdentities.data ?? []}
          loading={demoIdentities.isPending}
          error={demoIdentities.error}
          signingInAs={flow.signingInAs}
          onSignIn={(id) => flow.attempt({ demoIdentity: id })}
        />
      ) : null}
    </SpaceBetween>
  );
}
