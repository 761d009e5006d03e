import Box from '@cloudscape-design/components/box';
import Spinner from '@cloudscape-design/components/spinner';
import { useState } from 'react';
import { ConfirmDeleteModal } from '../../../components/confirm-delete-modal.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { notifyError, notifySuccess } from '../../../components/notifications.tsx';
import { useDeleteUser, useUser, type UserDetail } from '../api/users.ts';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** What the console removes before DeleteUser can succeed, counted for one user. */
export function userDependencies(detail: UserDetail): string[] {
  const items: string[] = [];
  if (detail.accessKeys.length) items.push(plural(detail.accessKeys.length, 'access key', 'access keys'));
  if (detail.mfaDevices.length) items.push(plural(detail.mfaDevices.length, 'MFA device', 'MFA devices'));
  if (detail.loginProfile) items.push('Console password (login profile)');
  if (detail.attachedPolicies.length) items.push(plural(detail.attachedPolicies.length, 'attached managed policy', 'attached managed policies'));
  if (detail.inlinePolicies.length) items.push(plural(detail.inlinePolicies.length, 'inline policy', 'inline policies'));
  if (detail.groups.length) {
    items.push(`${plural(detail.groups.length, 'group membership', 'group memberships')} (${detail.groups.map((g) => g.groupName).join(', ')})`);
  }
  return items;
}

function SingleUserDependencies({ userName }: { userName: string }) {
  const detail = useUser(userName);
  if (detail.isPending) return <Spinner />;
  if (detail.error) return <ErrorAlert error={detail.error} header="Could not list what the user has" />;
  const items = userDependencies(detail.data);
  return items.length === 0 ? (
    <Box>{userName} has no access keys, MFA devices, console password, policies or group memberships.</Box>
  ) : (
    <>
      <Box>Deleting {userName} also removes:</Box>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </>
  );
}

export interface DeleteUsersModalProps {
  userNames: string[];
  onClose: () => void;
  onDeleted: (userNames: string[]) => void;
}

/** Deletes users the console's way; one user is confirmed by typing its name, several by typing "confirm". */
export function DeleteUsersModal({ userNames, onClose, onDeleted }: DeleteUsersModalProps) {
  const deleteUser = useDeleteUser();
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const single = userNames.length === 1 ? userNames[0] : undefined;

  const confirm = async () => {
    setDeleting(true);
    setError(null);
    const deleted: string[] = [];
    for (const userName of userNames) {
      try {
        await deleteUser.mutateAsync(userName);
        deleted.push(userName);
      } catch (failure) {
        if (single) setError(failure);
        else notifyError(`Could not delete ${userName}`, failure);
      }
    }
    setDeleting(false);
    if (deleted.length > 0) {
      notifySuccess(deleted.length === 1 ? `User ${deleted[0]} deleted.` : `${deleted.length} users deleted.`);
      onDeleted(deleted);
    }
    if (deleted.length === userNames.length) onClose();
  };

  return (
    <ConfirmDeleteModal
      visible
      title={single ? `Delete ${single}?` : `Delete ${userNames.length} users?`}
      confirmationText={single ?? 'confirm'}
      deleting={deleting}
      error={error}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      {single ? (
        <SingleUserDependencies userName={single} />
      ) : (
        <>
          <Box>
            These users are deleted together with their access keys, MFA devices, console passwords, attached and
            inline policies and group memberships:
          </Box>
          <ul>
            {userNames.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </>
      )}
    </ConfirmDeleteModal>
  );
}
