import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { ConfirmDeleteModal } from '../../../components/confirm-delete-modal.tsx';
import { dateFilteringProperty } from '../../../components/date-filter.tsx';
import { formatAge, formatDateTime } from '../../../components/format.ts';
import { about, notifySuccess } from '../../../components/notifications.tsx';
import { ResourceTable, type ResourceColumn } from '../../../components/resource-table.tsx';
import { RouterLink, useFollowHandler } from '../../../components/router-link.tsx';
import { useDeleteGroup, useGroups, type GroupSummary } from '../api/groups.ts';
import { detailPath } from '../../../lib/path-segment.ts';

const columns: ResourceColumn<GroupSummary>[] = [
  {
    id: 'groupName',
    header: 'Group name',
    cell: (group) => <RouterLink href={detailPath.group(group.groupName)}>{group.groupName}</RouterLink>,
    sortingField: 'groupName',
    isRowHeader: true,
  },
  { id: 'memberCount', header: 'Users', cell: (group) => (group.memberCount === undefined ? '-' : String(group.memberCount)), sortingField: 'memberCount' },
  { id: 'path', header: 'Path', cell: (group) => group.path, sortingField: 'path' },
  { id: 'createDate', header: 'Creation time', cell: (group) => <span title={formatDateTime(group.createDate)}>{formatAge(group.createDate)}</span>, sortingField: 'createDate' },
  { id: 'arn', header: 'ARN', cell: (group) => group.arn, visible: false },
];

const filteringProperties = [
  { key: 'groupName', propertyLabel: 'Group name', groupValuesLabel: 'Group names', operators: [':', '!:', '=', '!=', '^'] },
  { key: 'path', propertyLabel: 'Path', groupValuesLabel: 'Paths', operators: ['=', '!=', '^', ':'] },
  dateFilteringProperty('createDate', 'Creation time'),
];

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

export function GroupsTable() {
  const groups = useGroups();
  const [selected, setSelected] = useState<GroupSummary[]>([]);
  const [deleting, setDeleting] = useState(false);
  const onFollow = useFollowHandler();
  const target = selected[0];
  return (
    <>
      <ResourceTable<GroupSummary>
        resourceName={{ one: 'user group', many: 'user groups' }}
        title="User groups"
        description="A user group is a collection of IAM users. Use groups to specify permissions for a collection of users."
        query={groups}
        columns={columns}
        filteringProperties={filteringProperties}
        defaultSortingColumnId="groupName"
        preferencesKey="groups"
        trackBy="groupName"
        selectionType="single"
        selectedItems={selected}
        onSelectionChange={setSelected}
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button disabled={!target} onClick={() => setDeleting(true)}>
              Delete
            </Button>
            <Button variant="primary" href="/groups/create" onFollow={onFollow}>
              Create group
            </Button>
          </SpaceBetween>
        }
        emptyAction={
          <Button href="/groups/create" onFollow={onFollow}>
            Create group
          </Button>
        }
      />
      {deleting && target ? (
        <DeleteGroupModal
          groupName={target.groupName}
          onClose={() => setDeleting(false)}
          onDeleted={() => {
            setDeleting(false);
            setSelected([]);
          }}
        />
      ) : null}
    </>
  );
}
