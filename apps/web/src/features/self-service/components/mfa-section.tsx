import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { FormModal } from '../../../components/form-modal.tsx';
import { notify, notifySuccess } from '../../../components/notifications.tsx';
import { useRemoveMfaDevice, useResyncMfaDevice, type OwnMfaDevice } from '../api/self-service.ts';
import { AssignMfaModal } from './assign-mfa-modal.tsx';
import { MfaSessionUpgrade, type UpgradeToMfaSession } from './mfa-session-upgrade.tsx';
import { SectionNotice } from './section-notice.tsx';
import type { SectionState } from './section-state.ts';

const TYPE_LABEL: Record<OwnMfaDevice['type'], string> = { Virtual: 'Virtual', Hardware: 'Hardware TOTP token', SecurityKey: 'Security key' };

function ResyncModal({ device, onClose }: { device: OwnMfaDevice; onClose: () => void }) {
  const resync = useResyncMfaDevice();
  const [code1, setCode1] = useState('');
  const [code2, setCode2] = useState('');
  return (
    <FormModal
      header="Resync MFA device"
      primaryLabel="Resync"
      busy={resync.isPending}
      primaryDisabled={!/^\d{6}$/.test(code1) || !/^\d{6}$/.test(code2)}
      onDismiss={onClose}
      onPrimary={() =>
        resync.mutate({ serialNumber: device.serialNumber, authenticationCode1: code1, authenticationCode2: code2 }, {
          onSuccess: () => {
            notifySuccess(`MFA device ${device.deviceName} resynchronized.`);
            onClose();
          },
        })
      }
    >
      <SpaceBetween size="m">
        <Box>Type the next two sequentially generated codes from {device.deviceName}.</Box>
        <FormField label="MFA code 1">
          <Input value={code1} inputMode="numeric" onChange={({ detail }) => setCode1(detail.value.trim())} />
        </FormField>
        <FormField label="MFA code 2">
          <Input value={code2} inputMode="numeric" onChange={({ detail }) => setCode2(detail.value.trim())} />
        </FormField>
        {resync.error ? <ErrorAlert error={resync.error} header="The device was not resynchronized" /> : null}
      </SpaceBetween>
    </FormModal>
  );
}

function RemoveModal({ device, onClose }: { device: OwnMfaDevice; onClose: () => void }) {
  const remove = useRemoveMfaDevice();
  return (
    <FormModal
      header="Remove MFA device?"
      primaryLabel="Remove"
      busy={remove.isPending}
      onDismiss={onClose}
      onPrimary={() =>
        remove.mutate(device.serialNumber, {
          onSuccess: (answer) => {
            if (answer.virtualDeviceDeleted || device.type !== 'Virtual') notifySuccess(`MFA device ${device.deviceName} removed.`);
            else notify({ type: 'warning', header: `MFA device ${device.deviceName} removed from you, but not deleted`, content: answer.reason });
            onClose();
          },
        })
      }
    >
      <SpaceBetween size="m">
        <Box>
          {device.deviceName} ({device.serialNumber}) no longer signs you in. A policy that asks for MFA refuses you until you assign a device again.
        </Box>
        {remove.error ? <ErrorAlert error={remove.error} header="The device was not removed" /> : null}
      </SpaceBetween>
    </FormModal>
  );
}

export interface MfaSectionProps {
  userName: string | undefined;
  devices: readonly OwnMfaDevice[];
  state: SectionState;
  mfaAuthenticated: boolean;
  /** The page's own MFA notice already offers the upgrade (parts are locked until MFA): not twice. */
  upgradeOfferedAbove: boolean;
  upgrade: UpgradeToMfaSession;
}

export function MfaSection({ userName, devices, state, mfaAuthenticated, upgradeOfferedAbove, upgrade }: MfaSectionProps) {
  const [selected, setSelected] = useState<OwnMfaDevice[]>([]);
  const [dialog, setDialog] = useState<'assign' | 'resync' | 'remove' | null>(null);
  const [justAssigned, setJustAssigned] = useState<string | null>(null);
  const device = selected[0];
  const open = state.kind === 'open';
  return (
    <SpaceBetween size="s">
      <Table
        items={open ? [...devices] : []}
        trackBy="serialNumber"
        selectionType="single"
        selectedItems={selected}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        ariaLabels={{ selectionGroupLabel: 'MFA devices', itemSelectionLabel: (_s, item) => item.deviceName }}
        header={
          <Header
            variant="h2"
            counter={open ? `(${devices.length})` : undefined}
            description="Use multi-factor authentication (MFA) to increase the security of your AWS environment. Signing in with MFA requires an authentication code from an MFA device. Each user can have up to 8 MFA devices assigned."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button disabled={!device || device.type === 'SecurityKey'} onClick={() => setDialog('resync')}>
                  Resync
                </Button>
                <Button disabled={!device} onClick={() => setDialog('remove')}>
                  Remove
                </Button>
                <Button variant="primary" disabled={!open || !userName} disabledReason={!userName ? 'The root user assigns MFA devices in the AWS Management Console.' : undefined} onClick={() => setDialog('assign')}>
                  Assign MFA device
                </Button>
              </SpaceBetween>
            }
          >
            Multi-factor authentication (MFA)
          </Header>
        }
        columnDefinitions={[
          { id: 'name', header: 'Device name', cell: (d) => d.deviceName, isRowHeader: true },
          { id: 'type', header: 'Type', cell: (d) => TYPE_LABEL[d.type] },
          { id: 'identifier', header: 'Identifier', cell: (d) => d.serialNumber },
          { id: 'created', header: 'Created on', cell: (d) => formatDateTime(d.enableDate) },
        ]}
        empty={
          open ? (
            <Box textAlign="center" color="inherit">
              <b>No MFA devices</b>
              <Box color="text-body-secondary">Assign an MFA device to improve the security of your AWS environment.</Box>
            </Box>
          ) : (
            <SectionNotice state={state} what="your MFA devices" />
          )
        }
      />
      {justAssigned && !mfaAuthenticated && !upgradeOfferedAbove ? (
        <SpaceBetween size="xs" data-testid="mfa-upgrade-after-assign">
          <Box variant="h3">Use your new MFA device in this session</Box>
          <Box color="text-body-secondary">Wait for the next code from your app (each code works once), then sign in with MFA without signing out.</Box>
          <MfaSessionUpgrade devices={devices.filter((d) => d.serialNumber === justAssigned)} upgrade={upgrade} onUpgraded={() => setJustAssigned(null)} />
        </SpaceBetween>
      ) : null}
      {dialog === 'assign' && userName ? (
        <AssignMfaModal
          userName={userName}
          onClose={() => setDialog(null)}
          onAssigned={(serialNumber) => {
            notifySuccess('MFA device assigned. You can register up to 8 MFA devices of any combination of the currently supported MFA types.');
            setJustAssigned(serialNumber);
            setDialog(null);
          }}
        />
      ) : null}
      {dialog === 'resync' && device ? <ResyncModal device={device} onClose={() => setDialog(null)} /> : null}
      {dialog === 'remove' && device ? (
        <RemoveModal
          device={device}
          onClose={() => {
            setDialog(null);
            setSelected([]);
          }}
        />
      ) : null}
    </SpaceBetween>
  );
}
