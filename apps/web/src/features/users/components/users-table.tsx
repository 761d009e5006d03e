import { ResourceTable } from '../../../components/resource-table.tsx';
import { useUsers, type UserSummary } from '../api/users.ts';
import { DeleteUsersModal } from './delete-users-modal.tsx';
import { usersTableConfig } from './users-table-config.tsx';

const names = (users: readonly UserSummary[]) => users.map((user) => user.userName);

export function UsersTable() {
  const users = useUsers();
  return (
    <ResourceTable<UserSummary>
      {...usersTableConfig}
      query={users}
      deletion={{
        action: 'iam:DeleteUser',
        multiple: true,
        modal: ({ items, onClose, onDeleted }) => (
          <DeleteUsersModal
            userNames={names(items)}
            onClose={onClose}
            onDeleted={(deleted) => onDeleted(items.filter((user) => deleted.includes(user.userName)))}
          />
        ),
      }}
    />
  );
}
