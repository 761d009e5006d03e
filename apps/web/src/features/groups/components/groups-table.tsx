import { ResourceTable } from '../../../components/resource-table.tsx';
import { useGroups, type GroupSummary } from '../api/groups.ts';
import { DeleteGroupModal } from './delete-group-modal.tsx';
import { groupsTableConfig } from './groups-table-config.tsx';

export function GroupsTable() {
  const groups = useGroups();
  return (
    <ResourceTable<GroupSummary>
      {...groupsTableConfig}
      query={groups}
      deletion={{
        action: 'iam:DeleteGroup',
        modal: ({ items: [group], onClose, onDeleted }) =>
          group ? <DeleteGroupModal groupName={group.groupName} onClose={onClose} onDeleted={() => onDeleted([group])} /> : null,
      }}
    />
  );
}
