import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import Header from '@cloudscape-design/components/header';
import Modal from '@cloudscape-design/components/modal';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { useState, type ReactNode } from 'react';
import { ConfirmDeleteModal } from '../../../components/confirm-delete-modal.tsx';
import { ageInDays, formatAge } from '../../../components/format.ts';
import { about, notifyError, notifySuccess } from '../../../components/notifications.tsx';
import { UnknownEmpty, UnknownValue } from '../../../components/unavailable-sections.tsx';
import type { UnavailableSection } from '../../../lib/iam-types.ts';
import { refusedAction, refusedSection } from '../../../lib/unavailable.ts';
import { useCreateAccessKey, useDeleteAccessKey, useUpdateAccessKey, type AccessKey, type NewAccessKey, type UserDetail } from '../api/users.ts';
import { NewAccessKeyPanel } from '../../../components/access-keys/new-access-key-panel.tsx';

const ACCESS_KEYS_PER_USER = 2;
const KEY_ROTATION_DAYS = 90;

type LastUse = NonNullable<AccessKey['lastUsed']>;
type KeyAction = 'activate' | 'deactivate' | 'delete';

/**
 * A last-use fact of a key: when IAM refused GetAccessKeyLastUsed, a short "Unknown" (the notice above the
 * table names the permission once; three long cells pushed the key id and Actions out of view).
 */
const lastUseCell = (refused: UnavailableSection | undefined, fact: (used: LastUse) => string) => (key: AccessKey): ReactNode =>
  key.lastUsed ? fact(key.lastUsed) : refused ? <UnknownValue section={refused} short /> : '-';

function keyAge(key: AccessKey): ReactNode {
  const days = ageInDays(key.createDate);
  return days > KEY_ROTATION_DAYS ? <StatusIndicator type="warning">{days} days</StatusIndicator> : `${days} days`;
}

function KeyActions({ accessKey, onAction }: { accessKey: AccessKey; onAction: (action: KeyAction) => void }) {
  return (
    <ButtonDropdown
      variant="inline-icon"
      ariaLabel={`Actions for ${accessKey.accessKeyId}`}
      items={[
        accessKey.status === 'Active' ? { id: 'deactivate', text: 'Deactivate' } : { id: 'activate', text: 'Activate' },
        { id: 'delete', text: 'Delete', disabled: accessKey.status === 'Active', disabledReason: 'Deactivate the key before deleting it.' },
      ]}
      onItemClick={({ detail }) => onAction(detail.id as KeyAction)}
      expandToViewport
    />
  );
}

function accessKeyColumns(lastUseRefused: UnavailableSection | undefined, onAction: (key: AccessKey, action: KeyAction) => void): TableProps.ColumnDefinition<AccessKey>[] {
  return [
    { id: 'id', header: 'Access key ID', cell: (key) => <code>{key.accessKeyId}</code>, isRowHeader: true },
    { id: 'status', header: 'Status', cell: (key) => <StatusIndicator type={key.status === 'Active' ? 'success' : 'stopped'}>{key.status}</StatusIndicator> },
    { id: 'age', header: 'Age', cell: keyAge },
    { id: 'lastUsed', header: 'Last used', cell: lastUseCell(lastUseRefused, (used) => formatAge(used.date)) },
    { id: 'service', header: 'Last used service', cell: lastUseCell(lastUseRefused, (used) => used.service) },
    { id: 'region', header: 'Last used Region', cell: lastUseCell(lastUseRefused, (used) => used.region) },
    { id: 'actions', header: 'Actions', cell: (key) => <KeyActions accessKey={key} onAction={(action) => onAction(key, action)} /> },
  ];
}

/** Says once, above the keys, which permission the last-use columns lack. */
function LastUseUnknownNotice({ section }: { section: UnavailableSection }) {
  const action = refusedAction(section);
  return (
    <Alert type="warning" header="Last use of the access keys is unknown">
      {action ? `You lack ${action}, so Last used, Last used service and Last used Region show Unknown.` : section.message}
    </Alert>
  );
}

function CreatedKeyModal({ userName, accessKey, onClose }: { userName: string; accessKey: NewAccessKey; onClose: () => void }) {
  return (
    <Modal
      visible
      size="large"
      header="Access key created"
      onDismiss={onClose}
      footer={
        <Box float="right">
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        </Box>
      }
    >
      <NewAccessKeyPanel userName={userName} accessKey={accessKey} />
    </Modal>
  );
}

function DeleteAccessKeyModal({ userName, accessKey, onClose }: { userName: string; accessKey: AccessKey; onClose: () => void }) {
  const remove = useDeleteAccessKey(userName);
  const subjects = [about.accessKey(userName, accessKey.accessKeyId)];
  return (
    <ConfirmDeleteModal
      visible
      title={`Delete ${accessKey.accessKeyId}?`}
      confirmationText={accessKey.accessKeyId}
      deleting={remove.isPending}
      error={remove.error}
      onCancel={onClose}
      onConfirm={() =>
        remove.mutate(accessKey.accessKeyId, {
          onSuccess: () => {
            notifySuccess(`Access key ${accessKey.accessKeyId} deleted.`, { subjects });
            onClose();
          },
        })
      }
    >
      <Box>Applications that still use this key stop working. Last used: {accessKey.lastUsed ? formatAge(accessKey.lastUsed.date) : 'unknown'}.</Box>
    </ConfirmDeleteModal>
  );
}

/** Activate or deactivate a key, announcing the outcome. */
function useSetKeyStatus(userName: string) {
  const update = useUpdateAccessKey(userName);
  return (key: AccessKey, status: AccessKey['status']) => {
    const subjects = [about.accessKey(userName, key.accessKeyId)];
    update.mutate(
      { accessKeyId: key.accessKeyId, status },
      {
        onSuccess: () => notifySuccess(`Access key ${key.accessKeyId} is now ${status.toLowerCase()}.`, { subjects }),
        onError: (error) => notifyError(`Could not change access key ${key.accessKeyId}`, error, { subjects }),
      },
    );
  };
}

/** "Access keys" of the security credentials tab: the keys, Create access key, and each key's actions. */
export function AccessKeysSection({ detail }: { detail: UserDetail }) {
  const userName = detail.user.userName;
  const create = useCreateAccessKey(userName);
  const setStatus = useSetKeyStatus(userName);
  const [deleting, setDeleting] = useState<AccessKey | null>(null);
  const refused = refusedSection(detail.unavailable, 'accessKeys');
  const lastUseRefused = refusedSection(detail.unavailable, 'accessKeyLastUsed');
  const atLimit = detail.accessKeys.length >= ACCESS_KEYS_PER_USER;
  const onAction = (key: AccessKey, action: KeyAction) => {
    if (action === 'delete') setDeleting(key);
    else setStatus(key, action === 'activate' ? 'Active' : 'Inactive');
  };

  const header = (
    <Header
      counter={refused ? undefined : `(${detail.accessKeys.length})`}
      description={`Use access keys to send programmatic calls to AWS. A user can have up to ${ACCESS_KEYS_PER_USER} access keys (active or inactive) at a time. Rotate keys at least every ${KEY_ROTATION_DAYS} days.`}
      actions={
        <Button
          disabled={atLimit}
          disabledReason={atLimit ? `${userName} already has ${ACCESS_KEYS_PER_USER} access keys. Delete one first.` : undefined}
          loading={create.isPending}
          onClick={() => create.mutate(undefined, { onError: (error) => notifyError('Could not create an access key', error) })}
        >
          Create access key
        </Button>
      }
    >
      Access keys
    </Header>
  );

  return (
    <>
      <Table
        items={detail.accessKeys}
        trackBy="accessKeyId"
        header={header}
        filter={lastUseRefused && detail.accessKeys.length > 0 ? <LastUseUnknownNotice section={lastUseRefused} /> : undefined}
        columnDefinitions={accessKeyColumns(lastUseRefused, onAction)}
        empty={refused ? <UnknownEmpty section={refused} /> : <Box color="text-status-inactive" textAlign="center">No access keys.</Box>}
      />
      {create.data ? <CreatedKeyModal userName={userName} accessKey={create.data} onClose={() => create.reset()} /> : null}
      {deleting ? <DeleteAccessKeyModal key={deleting.accessKeyId} userName={userName} accessKey={deleting} onClose={() => setDeleting(null)} /> : null}
    </>
  );
}
