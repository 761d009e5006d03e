import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useCheckDeploymentCredentials } from '../api/deployment-credentials.ts';
import type { CheckBody } from '../api/deployment-credentials.ts';

export type CheckTarget = { kind: 'user'; accessKeyId: string } | { kind: 'role'; roleArn: string; externalId?: string | undefined; requireMfa: boolean; mfaSerial: string };

/** "Check credentials": the BFF signs a call with what was just made and answers with the identity AWS saw. */
export function CheckCredentials({ target }: { target: CheckTarget }) {
  const check = useCheckDeploymentCredentials();
  const [serialNumber, setSerialNumber] = useState(target.kind === 'role' ? target.mfaSerial : '');
  const [code, setCode] = useState('');
  const body = (): CheckBody =>
    target.kind === 'user'
      ? { accessKeyId: target.accessKeyId }
      : {
          roleArn: target.roleArn,
          ...(target.externalId ? { externalId: target.externalId } : {}),
          ...(target.requireMfa ? { mfa: { serialNumber, code } } : {}),
        };
  return (
    <SpaceBetween size="m">
      {target.kind === 'role' ? (
        <Alert type="info">The check assumes the role as you, signed in to this console, as a user of the trusted account would{target.requireMfa ? ', with your MFA device' : ''}.</Alert>
      ) : null}
      {target.kind === 'role' && target.requireMfa ? (
        <SpaceBetween direction="horizontal" size="l">
          <FormField label="MFA device ARN">
            <Input value={serialNumber} onChange={({ detail }) => setSerialNumber(detail.value.trim())} ariaLabel="Your MFA device ARN" />
          </FormField>
          <FormField label="MFA code">
            <Input value={code} onChange={({ detail }) => setCode(detail.value.trim())} ariaLabel="MFA code" inputMode="numeric" />
          </FormField>
        </SpaceBetween>
      ) : null}
      <Button onClick={() => check.mutate(body())} loading={check.isPending}>
        Check credentials
      </Button>
      {check.data ? (
        <Alert type="success" header="The credentials work">
          <KeyValuePairs
            columns={3}
            items={[
              { label: 'Account', value: check.data.account },
              { label: 'ARN', value: <span data-testid="checked-arn">{check.data.arn}</span> },
              { label: 'User ID', value: check.data.userId },
            ]}
          />
        </Alert>
      ) : null}
      {check.error ? <ErrorAlert error={check.error} header="The check failed" /> : null}
    </SpaceBetween>
  );
}
