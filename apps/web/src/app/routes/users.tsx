import { UsersTable } from '../../features/users/components/users-table.tsx';

export default function UsersRoute() {
  return <UsersTable />;
}
