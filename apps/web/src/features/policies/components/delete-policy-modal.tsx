import Box from '@cloudscape-design/components/box';
import { ConfirmDeleteModal } from '../../../components/confirm-delete-modal.tsx';
import { about, notifySuccess } from '../../../components/notifications.tsx';
import { useDeletePolicy, type PolicySummary } from '../api/policies.ts';

export function DeletePolicyModal({ policy, onClose, onDeleted }: { policy: PolicySummary; onClose: () => void; onDeleted: () => void }) {
  const deletePolicy = useDeletePolicy();
  return (
    <ConfirmDeleteModal
      visible
      title={`Delete ${policy.policyName}?`}
      confirmationText={policy.policyName}
      deleting={deletePolicy.isPending}
      error={deletePolicy.error}
      onCancel={onClose}
      onConfirm={() =>
        deletePolicy.mutate(policy.arn, {
          onSuccess: () => {
            notifySuccess(`Policy ${policy.policyName} deleted.`, { subjects: [about.policy(policy.policyName)] });
            onDeleted();
          },
        })
      }
    >
      <Box>
        {policy.attachmentCount > 0 || policy.permissionsBoundaryUsageCount > 0
          ? `It is detached from ${policy.attachmentCount} ${policy.attachmentCount === 1 ? 'entity' : 'entities'}${policy.permissionsBoundaryUsageCount ? ` and removed as the boundary of ${policy.permissionsBoundaryUsageCount}` : ''}, its older versions are deleted, then the policy.`
          : 'The policy is not attached to anything. Its older versions are deleted with it.'}
      </Box>
    </ConfirmDeleteModal>
  );
}
