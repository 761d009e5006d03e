import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { ERROR_CODES } from '@iam-console/api-contract/error-codes.ts';
import { useState } from 'react';
import { ConfirmDeleteModal } from '../../../components/confirm-delete-modal.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { formatAge } from '../../../components/format.ts';
import { FormModal } from '../../../components/form-modal.tsx';
import { about, notifySuccess } from '../../../components/notifications.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { useDeleteOwnAccessKey, useUpdateOwnAccessKey, type OwnAccessKey } from '../api/self-service.ts';
import { accessKeyColumns, type AccessKeyAction } from './access-key-columns.tsx';
import { CreateAccessKeyModal } from './create-access-key-modal.tsx';
import { SectionNotice } from './section-notice.tsx';
import { deactivationWarnings, KEY_ROTATION_DAYS, sectionState, type SectionState } from './section-state.ts';
import type { UnavailableSection } from '@iam-console/api-contract/fields.ts';

const ACCESS_KEYS_PER_USER = 2;

function DeactivateModal(props: { userName: string; accessKey: OwnAccessKey; keys: readonly OwnAccessKey[]; sessionAccessKeyId: string | undefined; onClose: () => void; onSessionEnded: () => void }) {
  const { userName, accessKey, onClose } = props;
  const update = useUpdateOwnAccessKey();
  const warnings = deactivationWarnings(props.keys, accessKey.accessKeyId, props.sessionAccessKeyId);
  // The BFF has the last word: it may know of a concern this page did not (a key created in another tab).
  const serverAsks = isApiError(update.error) && update.error.code === ERROR_CODES.ConfirmationRequired;
  return (
    <FormModal
      header={`Deactivate ${accessKey.accessKeyId}?`}
      primaryLabel={serverAsks ? 'Deactivate anyway' : 'Deactivate'}
      busy={update.isPending}
      onDismiss={onClose}
      onPrimary={() =>
        update.mutate({ accessKeyId: accessKey.accessKeyId, status: 'Inactive', ...(warnings.length > 0 || serverAsks ? { confirm: true } : {}) }, {
          onSuccess: (answer) => {
            const subjects = [about.accessKey(userName, accessKey.accessKeyId)];
            if (answer.session === 'ended') return props.onSessionEnded();
            notifySuccess(
              answer.session === 'switched-to-new-key'
                ? `Access key ${accessKey.accessKeyId} deactivated. This console session now uses the access key you created in it.`
                : `Access key ${accessKey.accessKeyId} deactivated.`,
              { subjects },
            );
            onClose();
          },
        })
      }
    >
      <SpaceBetween size="m">
        <Box>Applications and tools that use this key stop working. You can activate it again at any time; a deactivated key still counts toward your limit of {ACCESS_KEYS_PER_USER} access keys.</Box>
        {warnings.length > 0 ? (
          <Alert type="warning" header="Before you deactivate this key">
            <ul>{warnings.map((w) => <li key={w}>{w}</li>)}</ul>
          </Alert>
        ) : null}
        {update.error ? <ErrorAlert error={update.error} header={serverAsks ? 'Confirm the deactivation' : 'The key was not deactivated'} /> : null}
      </SpaceBetween>
    </FormModal>
  );
}

/** A delete that asks for the key ID first; its error stays in the dialog. */
function DeleteAccessKeyModal({ userName, accessKey, onClose }: { userName: string; accessKey: OwnAccessKey; onClose: () => void }) {
  const remove = useDeleteOwnAccessKey();
  return (
    <ConfirmDeleteModal
      visible
      title={`Delete ${accessKey.accessKeyId}?`}
      confirmationText={accessKey.accessKeyId}
      inputLabel="To confirm deletion, enter the access key ID"
      deleting={remove.isPending}
      error={remove.error}
      onCancel={() => {
        remove.reset();
        onClose();
      }}
      onConfirm={() =>
        remove.mutate(accessKey.accessKeyId, {
          onSuccess: () => {
            notifySuccess(`Access key ${accessKey.accessKeyId} deleted.`, { subjects: [about.accessKey(userName, accessKey.accessKeyId)] });
            onClose();
          },
        })
      }
    >
      <Box>
        Deleting is permanent. Last used: {accessKey.lastUsed ? (accessKey.lastUsed.date ? formatAge(accessKey.lastUsed.date) : 'never') : 'unknown'}.
      </Box>
    </ConfirmDeleteModal>
  );
}

function AccessKeysHeader({ count, unknowns, atLimit, onCreate }: { count: number | undefined; unknowns: readonly string[]; atLimit: boolean; onCreate: (() => void) | undefined }) {
  return (
    <Header
      variant="h2"
      counter={count === undefined ? undefined : `(${count})`}
      description={
        <>
          Use access keys to send programmatic calls to AWS from the AWS CLI, AWS Tools for PowerShell, AWS SDKs, or direct AWS API calls. You can have a maximum of {ACCESS_KEYS_PER_USER} access keys (active or inactive) at a time. Rotate them at least every {KEY_ROTATION_DAYS} days.
          {unknowns.map((line) => (
            <span key={line} data-testid="access-keys-unknown">
              <br />
              {line}
            </span>
          ))}
        </>
      }
      actions={
        <Button
          disabled={!onCreate || atLimit}
          disabledReason={atLimit ? `You already have ${ACCESS_KEYS_PER_USER} access keys, the most IAM allows. A deactivated key still counts: delete one you no longer use first.` : undefined}
          onClick={() => onCreate?.()}
        >
          Create access key
        </Button>
      }
    >
      Access keys
    </Header>
  );
}

/** Said once above the table, not in every cell: which permission the unknown cells miss. */
function unknownNotes(lastUse: SectionState, descriptions: SectionState): string[] {
  return [
    lastUse.kind !== 'open' ? `Last use is unknown: you lack ${lastUse.action ?? 'permission to read it'}.` : null,
    descriptions.kind !== 'open' ? `Descriptions are unknown: you lack ${descriptions.action ?? 'permission to read them'}.` : null,
  ].filter((line): line is string => line !== null);
}

export interface AccessKeysSectionProps {
  userName: string;
  keys: readonly OwnAccessKey[];
  sessionAccessKeyId: string | undefined;
  state: SectionState;
  unavailable: readonly UnavailableSection[];
  mfaAuthenticated: boolean;
  onSessionEnded: () => void;
}

export function AccessKeysSection({ userName, keys, sessionAccessKeyId, state, unavailable, mfaAuthenticated, onSessionEnded }: AccessKeysSectionProps) {
  const update = useUpdateOwnAccessKey();
  const [creating, setCreating] = useState(false);
  const [deactivating, setDeactivating] = useState<OwnAccessKey | null>(null);
  const [deleting, setDeleting] = useState<OwnAccessKey | null>(null);
  const open = state.kind === 'open';
  const lastUse = sectionState(unavailable, 'accessKeyLastUsed', mfaAuthenticated);
  const descriptions = sectionState(unavailable, 'accessKeyDescriptions', mfaAuthenticated);
  const onAction = (k: OwnAccessKey, action: AccessKeyAction) => {
    if (action === 'delete') setDeleting(k);
    else if (action === 'deactivate') setDeactivating(k);
    else update.mutate({ accessKeyId: k.accessKeyId, status: 'Active' }, { onSuccess: () => notifySuccess(`Access key ${k.accessKeyId} activated.`, { subjects: [about.accessKey(userName, k.accessKeyId)] }) });
  };

  return (
    <>
      <Table
        items={open ? [...keys] : []}
        trackBy="accessKeyId"
        header={
          <AccessKeysHeader
            count={open ? keys.length : undefined}
            unknowns={open ? unknownNotes(lastUse, descriptions) : []}
            atLimit={keys.length >= ACCESS_KEYS_PER_USER}
            onCreate={open ? () => setCreating(true) : undefined}
          />
        }
        columnDefinitions={accessKeyColumns({ sessionAccessKeyId, lastUseKnown: lastUse.kind === 'open', descriptionsKnown: descriptions.kind === 'open', now: Date.now(), onAction })}
        empty={
          open ? (
            <Box textAlign="center" color="inherit">
              <b>No access keys</b>
              <Box color="text-body-secondary">As a best practice, avoid using long-term credentials like access keys.</Box>
            </Box>
          ) : (
            <SectionNotice state={state} what="your access keys" />
          )
        }
      />
      {update.error ? <ErrorAlert error={update.error} header="The key was not activated" onDismiss={() => update.reset()} /> : null}
      {creating ? <CreateAccessKeyModal userName={userName} onClose={() => setCreating(false)} /> : null}
      {deactivating ? (
        <DeactivateModal userName={userName} accessKey={deactivating} keys={keys} sessionAccessKeyId={sessionAccessKeyId} onClose={() => setDeactivating(null)} onSessionEnded={onSessionEnded} />
      ) : null}
      {deleting ? <DeleteAccessKeyModal userName={userName} accessKey={deleting} onClose={() => setDeleting(null)} /> : null}
    </>
  );
}
