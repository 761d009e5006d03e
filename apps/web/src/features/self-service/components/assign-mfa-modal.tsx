import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tiles from '@cloudscape-design/components/tiles';
import { textProblem, VIRTUAL_MFA_DEVICE_NAME } from '@iam-console/api-contract/rules.ts';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useCancelMfaAssignment, useCreateVirtualMfaDevice, useEnableMfaDevice, type CreatedVirtualMfaDevice } from '../api/self-service.ts';

const CODE = /^\d{6}$/;

/**
 * "Assign MFA device", in the AWS console's steps and words (IAM User Guide, "Enable a virtual MFA device for an
 * IAM user (console)"): Device name and Authenticator app, then Set up device with Show QR code / Show secret key
 * and MFA code 1 / MFA code 2, then Add MFA. The device IAM created stays for another try after a refused code;
 * Cancel deletes it, and says so when IAM does not allow that.
 */
export function AssignMfaModal({ userName, onClose, onAssigned }: { userName: string; onClose: () => void; onAssigned: (serialNumber: string) => void }) {
  const create = useCreateVirtualMfaDevice();
  const enable = useEnableMfaDevice();
  const cancel = useCancelMfaAssignment();
  const [deviceName, setDeviceName] = useState(userName);
  const [submitted, setSubmitted] = useState(false);
  const [device, setDevice] = useState<CreatedVirtualMfaDevice | null>(null);
  const [shown, setShown] = useState<'none' | 'qr' | 'secret'>('none');
  const [code1, setCode1] = useState('');
  const [code2, setCode2] = useState('');
  const nameProblem = textProblem(VIRTUAL_MFA_DEVICE_NAME, deviceName);

  const next = () => {
    setSubmitted(true);
    if (nameProblem) return;
    create.mutate({ deviceName }, { onSuccess: (created) => setDevice(created) });
  };
  const add = () => {
    if (!device) return;
    enable.mutate(
      { serialNumber: device.serialNumber, authenticationCode1: code1, authenticationCode2: code2 },
      { onSuccess: () => onAssigned(device.serialNumber), onError: () => { setCode1(''); setCode2(''); } },
    );
  };
  // Before IAM created anything there is nothing to undo; afterwards the unassigned device is deleted.
  const dismiss = () => (device ? cancel.mutate(device.serialNumber, { onSuccess: onClose }) : onClose());

  const footer = (
    <Box float="right">
      <SpaceBetween direction="horizontal" size="xs">
        <Button variant="link" onClick={dismiss} loading={cancel.isPending} disabled={create.isPending || enable.isPending}>
          Cancel
        </Button>
        {device ? (
          <Button variant="primary" onClick={add} loading={enable.isPending} disabled={!CODE.test(code1) || !CODE.test(code2)}>
            Add MFA
          </Button>
        ) : (
          <Button variant="primary" onClick={next} loading={create.isPending}>
            Next
          </Button>
        )}
      </SpaceBetween>
    </Box>
  );

  return (
    <Modal visible size="medium" header={device ? 'Set up device' : 'Select MFA device'} onDismiss={dismiss} footer={footer}>
      {device ? (
        <SpaceBetween size="m">
          <Box>
            1. Install a compatible application such as Google Authenticator, Duo Mobile or Authy on your mobile device or computer.
          </Box>
          <SpaceBetween size="xs">
            <Box>2. Open your authenticator app, choose to add an account, and scan the QR code or type the secret key.</Box>
            <SpaceBetween direction="horizontal" size="xs">
              <Button onClick={() => setShown(shown === 'qr' ? 'none' : 'qr')}>{shown === 'qr' ? 'Hide QR code' : 'Show QR code'}</Button>
              <Button onClick={() => setShown(shown === 'secret' ? 'none' : 'secret')}>{shown === 'secret' ? 'Hide secret key' : 'Show secret key'}</Button>
            </SpaceBetween>
            {shown === 'qr' ? (
              <img src={`data:image/png;base64,${device.qrCodePng}`} alt={`QR code for the virtual MFA device ${deviceName}`} width={200} height={200} />
            ) : null}
            {shown === 'secret' ? (
              <Box variant="code" data-testid="mfa-secret-key">
                {device.base32StringSeed}
              </Box>
            ) : null}
          </SpaceBetween>
          <Box>3. Type two consecutive MFA codes below.</Box>
          <FormField label="MFA code 1" description="Enter a code displayed on your authenticator app.">
            <Input value={code1} inputMode="numeric" autoComplete="one-time-code" onChange={({ detail }) => setCode1(detail.value.trim())} />
          </FormField>
          <FormField label="MFA code 2" description="Wait 30 seconds, and enter a second code entry.">
            <Input value={code2} inputMode="numeric" autoComplete="one-time-code" onChange={({ detail }) => setCode2(detail.value.trim())} />
          </FormField>
          {enable.error ? <ErrorAlert error={enable.error} header="The MFA device was not added" /> : null}
          {cancel.error ? (
            <Alert type="warning" header="The device you started to assign was not deleted">
              <SpaceBetween size="xs">
                <Box>{cancel.error instanceof Error ? cancel.error.message : String(cancel.error)}</Box>
                <Button onClick={onClose}>Close anyway</Button>
              </SpaceBetween>
            </Alert>
          ) : null}
        </SpaceBetween>
      ) : (
        <SpaceBetween size="m">
          <FormField
            label="Device name"
            description="Enter a meaningful name to identify this device. Maximum 226 characters; letters, digits and _+=,.@-."
            errorText={submitted ? nameProblem : undefined}
          >
            <Input value={deviceName} onChange={({ detail }) => setDeviceName(detail.value)} />
          </FormField>
          <FormField label="MFA device" description="Select an MFA device type to use with this user.">
            <Tiles
              value="virtual"
              items={[
                { value: 'virtual', label: 'Authenticator app', description: 'Authenticate using a code generated by an app installed on your mobile device or computer.' },
                { value: 'security-key', label: 'Security key', description: 'Not offered here: a security key signs in with a browser prompt, which this console does not use.', disabled: true },
                { value: 'hardware', label: 'Hardware TOTP token', description: 'Not offered here: hardware tokens are assigned by their serial number with the AWS CLI.', disabled: true },
              ]}
              onChange={() => undefined}
            />
          </FormField>
          {create.error ? <ErrorAlert error={create.error} header="Could not create the virtual MFA device" /> : null}
        </SpaceBetween>
      )}
    </Modal>
  );
}
