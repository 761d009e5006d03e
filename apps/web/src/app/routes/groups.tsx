import { GroupsTable } from '../../features/groups/components/groups-table.tsx';

export default function GroupsRoute() {
  return <GroupsTable />;
}
