import Box from '@cloudscape-design/components/box';
import { ConfirmDeleteModal } from '../../../components/confirm-delete-modal.tsx';
import { about, notifySuccess } from '../../../components/notifications.tsx';
import { useDeleteGroup } from '../api/groups.ts';

/** Deletes one group the console's way (members and policies removed first) after typing its name. */
export function DeleteGroupModal({ groupName, onClose, onDeleted }: { groupName: string; onClose: () => void; onDeleted: () => void }) {
  const deleteGroup = useDeleteGroup();
  return (
    <ConfirmDeleteModal
      visible
      title={`Delete ${groupName}?`}
      confirmationText={groupName}
      deleting={deleteGroup.isPending}
      error={deleteGroup.error}
      onCancel={onClose}
      onConfirm={() =>
        deleteGroup.mutate(groupName, {
          onSuccess: () => {
            notifySuccess(`User group ${groupName} deleted.`, { subjects: [about.group(groupName)] });
            onDeleted();
          },
        })
      }
    >
      <Box>Its members are removed from it and its attached and inline policies are removed; the users themselves remain.</Box>
    </ConfirmDeleteModal>
  );
}
