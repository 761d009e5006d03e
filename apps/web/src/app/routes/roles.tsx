import { RolesTable } from '../../features/roles/components/roles-table.tsx';

export default function RolesRoute() {
  return <RolesTable />;
}
