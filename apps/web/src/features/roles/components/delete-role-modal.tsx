import Box from '@cloudscape-design/components/box';
import { ConfirmDeleteModal } from '../../../components/confirm-delete-modal.tsx';
import { about, notifySuccess } from '../../../components/notifications.tsx';
import { useDeleteRole } from '../api/roles.ts';

export function DeleteRoleModal({ roleName, onClose, onDeleted }: { roleName: string; onClose: () => void; onDeleted: () => void }) {
  const deleteRole = useDeleteRole();
  return (
    <ConfirmDeleteModal
      visible
      title={`Delete ${roleName}?`}
      confirmationText={roleName}
      deleting={deleteRole.isPending}
      error={deleteRole.error}
      onCancel={onClose}
      onConfirm={() =>
        deleteRole.mutate(roleName, {
          onSuccess: () => {
            notifySuccess(`Role ${roleName} deleted.`, { subjects: [about.role(roleName)] });
            onDeleted();
          },
        })
      }
    >
      <Box>
        Its attached and inline policies are removed and it leaves its instance profiles before it is deleted. Anyone or
        anything that assumes this role loses that access.
      </Box>
    </ConfirmDeleteModal>
  );
}
