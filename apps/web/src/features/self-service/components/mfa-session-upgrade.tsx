import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import type { OwnMfaDevice } from '../api/self-service.ts';

/** Opens an MFA session (the app wires it to POST /api/session/mfa). */
export type UpgradeToMfaSession = (serialNumber: string, tokenCode: string) => Promise<unknown>;

/**
 * Sign in with MFA without signing out: a fresh code from one of the person's devices turns this session into an
 * MFA session. A code is accepted once, so right after Add MFA the app needs its next code.
 */
export function MfaSessionUpgrade({ devices, upgrade, onUpgraded }: { devices: readonly OwnMfaDevice[]; upgrade: UpgradeToMfaSession; onUpgraded?: () => void }) {
  const usable = devices.filter((d) => d.type !== 'SecurityKey');
  const [picked, setPicked] = useState<string | null>(null);
  const [code, setCode] = useState('');
  // The list may grow while this is shown (a device just assigned): the first device until one is picked.
  const device = usable.find((d) => d.serialNumber === picked) ?? usable[0];
  const run = useMutation({ mutationFn: () => upgrade(device?.serialNumber ?? '', code), onSuccess: () => onUpgraded?.() });
  if (!device) return null;
  const valid = /^\d{6}$/.test(code);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) run.mutate();
      }}
    >
      <SpaceBetween size="s">
        {usable.length > 1 ? (
          <FormField label="MFA device">
            <Select
              selectedOption={{ value: device.serialNumber, label: device.deviceName }}
              options={usable.map((d) => ({ value: d.serialNumber, label: d.deviceName, description: d.serialNumber }))}
              onChange={({ detail }) => setPicked(detail.selectedOption.value ?? null)}
            />
          </FormField>
        ) : null}
        <FormField label="MFA code" description={`The code your authenticator app shows now for ${device.deviceName}.`}>
          <SpaceBetween direction="horizontal" size="xs">
            <Input value={code} inputMode="numeric" autoComplete="one-time-code" onChange={({ detail }) => setCode(detail.value.trim())} ariaLabel="MFA code" />
            <Button variant="primary" formAction="submit" disabled={!valid} loading={run.isPending}>
              Sign in with MFA
            </Button>
          </SpaceBetween>
        </FormField>
        {run.error ? <ErrorAlert error={run.error} header="Could not sign in with MFA" /> : null}
      </SpaceBetween>
    </form>
  );
}
