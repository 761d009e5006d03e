import { ResourceTable } from '../../../components/resource-table.tsx';
import { useRoles, type RoleSummary } from '../api/roles.ts';
import { DeleteRoleModal } from './delete-role-modal.tsx';
import { rolesTableConfig } from './roles-table-config.tsx';

export function RolesTable() {
  const roles = useRoles();
  return (
    <ResourceTable<RoleSummary>
      {...rolesTableConfig}
      query={roles}
      deletion={{
        action: 'iam:DeleteRole',
        modal: ({ items: [role], onClose, onDeleted }) =>
          role ? <DeleteRoleModal roleName={role.roleName} onClose={onClose} onDeleted={() => onDeleted([role])} /> : null,
      }}
    />
  );
}
