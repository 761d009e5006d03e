// The sign-in form's parts: the access key fields, the password fields (local mode), the MFA step, and the demo identities of a local console.
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import type { DemoIdentity } from '../api/session.ts';
import { parseArn } from '@iam-console/api-contract/arn.ts';

/** Every device IAM named in its MfaRequired answer (older BFFs sent only the first). */
export function mfaDevicesOf(body: Record<string, unknown>): string[] {
  const all = Array.isArray(body.mfaSerialNumbers) ? body.mfaSerialNumbers.filter((s): s is string => typeof s === 'string') : [];
  if (all.length > 0) return all;
  return typeof body.mfaSerialNumber === 'string' ? [body.mfaSerialNumber] : [];
}

/** `arn:aws:iam::123456789012:mfa/alice-phone` → `alice-phone`; anything else (a hardware token's serial number) stays as it is. */
function deviceName(serial: string): string {
  const device = parseArn(serial);
  return device?.resourceType === 'mfa' ? device.name : serial;
}

export function AccessKeyFields({ accessKeyId, secretAccessKey, onAccessKeyId, onSecretAccessKey }: {
  accessKeyId: string;
  secretAccessKey: string;
  onAccessKeyId: (value: string) => void;
  onSecretAccessKey: (value: string) => void;
}) {
  return (
    <>
      <FormField label="Access key ID">
        <Input
          value={accessKeyId}
          onChange={({ detail }) => onAccessKeyId(detail.value)}
          placeholder="AKIAIOSFODNN7EXAMPLE"
          autoComplete="username"
          spellcheck={false}
          ariaLabel="Access key ID"
        />
      </FormField>
      <FormField label="Secret access key">
        <Input type="password" value={secretAccessKey} onChange={({ detail }) => onSecretAccessKey(detail.value)} autoComplete="current-password" ariaLabel="Secret access key" />
      </FormField>
    </>
  );
}

/** Local mode: an IAM user's console password, as the AWS console's "Sign in as IAM user" asks for it. */
export function PasswordFields({ accountId, userName, password, onAccountId, onUserName, onPassword }: {
  accountId: string;
  userName: string;
  password: string;
  onAccountId: (value: string) => void;
  onUserName: (value: string) => void;
  onPassword: (value: string) => void;
}) {
  return (
    <>
      <FormField label="Account ID (12 digits) or account alias" description="Optional: this console serves one account.">
        <Input value={accountId} onChange={({ detail }) => onAccountId(detail.value)} autoComplete="organization" spellcheck={false} ariaLabel="Account ID (12 digits) or account alias" />
      </FormField>
      <FormField label="IAM user name">
        <Input value={userName} onChange={({ detail }) => onUserName(detail.value)} autoComplete="username" spellcheck={false} ariaLabel="IAM user name" />
      </FormField>
      <FormField label="Password">
        <Input type="password" value={password} onChange={({ detail }) => onPassword(detail.value)} autoComplete="current-password" ariaLabel="Password" />
      </FormField>
    </>
  );
}

/** The device to check the code against (when IAM named several) and the code. */
export function MfaFields({ devices, device, onDevice, code, onCode }: {
  devices: readonly string[];
  device: string;
  onDevice: (serial: string) => void;
  code: string;
  onCode: (code: string) => void;
}) {
  return (
    <>
      {devices.length > 1 ? (
        <FormField label="MFA device" description="The code is checked against the device you choose.">
          <RadioGroup
            value={device}
            onChange={({ detail }) => onDevice(detail.value)}
            items={devices.map((serial) => ({ value: serial, label: deviceName(serial), description: serial }))}
            ariaLabel="MFA device"
          />
        </FormField>
      ) : null}
      <FormField label="MFA code" description={devices.length === 1 ? `Device: ${devices[0]}` : undefined} constraintText="6 digits">
        <Input value={code} onChange={({ detail }) => onCode(detail.value)} inputMode="numeric" autoComplete="one-time-code" autoFocus ariaLabel="MFA code" />
      </FormField>
    </>
  );
}

/** One click signs in as an identity the embedded IAM endpoint was seeded with. */
export function DemoIdentities({ identities, loading, error, signingInAs, onSignIn }: {
  identities: readonly DemoIdentity[];
  loading: boolean;
  error: unknown;
  /** The identity whose sign-in is under way, if any. */
  signingInAs: string | undefined;
  onSignIn: (id: string) => void;
}) {
  return (
    <Container header={<Header variant="h2" description="The embedded IAM endpoint is seeded with these identities.">Demo identities</Header>}>
      {error ? (
        <ErrorAlert error={error} header="Could not load the demo identities" />
      ) : (
        <ColumnLayout columns={1} borders="horizontal">
          {identities.map((identity) => (
            <SpaceBetween key={identity.id} direction="horizontal" size="m" alignItems="center">
              <Button onClick={() => onSignIn(identity.id)} loading={signingInAs === identity.id} data-testid={`demo-${identity.id}`}>
                Sign in as {identity.label}
              </Button>
              <Box variant="small" color="text-body-secondary">
                {identity.description}
                {identity.hasMfa ? ' Has an MFA device: the local endpoint supplies the code.' : ''}
              </Box>
            </SpaceBetween>
          ))}
          {loading ? <Box color="text-status-inactive">Loading demo identities…</Box> : null}
        </ColumnLayout>
      )}
    </Container>
  );
}
