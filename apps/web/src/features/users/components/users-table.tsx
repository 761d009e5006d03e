import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { dateFilteringProperty } from '../../../components/date-filter.tsx';
import { formatAge, formatDateTime } from '../../../components/format.ts';
import { ResourceTable, type ResourceColumn } from '../../../components/resource-table.tsx';
import { RouterLink, useFollowHandler } from '../../../components/router-link.tsx';
import { useUsers, type UserSummary } from '../api/users.ts';
import { DeleteUsersModal } from './delete-users-modal.tsx';
import { detailPath } from '../../../lib/path-segment.ts';

const columns: ResourceColumn<UserSummary>[] = [
  {
    id: 'userName',
    header: 'User name',
    cell: (user) => <RouterLink href={detailPath.user(user.userName)}>{user.userName}</RouterLink>,
    sortingField: 'userName',
    isRowHeader: true,
  },
  { id: 'path', header: 'Path', cell: (user) => user.path, sortingField: 'path' },
  {
    id: 'passwordLastUsed',
    header: 'Console last sign-in',
    cell: (user) => formatAge(user.passwordLastUsed),
    sortingField: 'passwordLastUsed',
  },
  {
    id: 'createDate',
    header: 'Creation time',
    cell: (user) => <span title={formatDateTime(user.createDate)}>{formatAge(user.createDate)}</span>,
    sortingField: 'createDate',
  },
  { id: 'arn', header: 'ARN', cell: (user) => user.arn, sortingField: 'arn', visible: false },
  { id: 'userId', header: 'User ID', cell: (user) => user.userId, visible: false },
];

const filteringProperties = [
  { key: 'userName', propertyLabel: 'User name', groupValuesLabel: 'User names', operators: [':', '!:', '=', '!=', '^'] },
  { key: 'path', propertyLabel: 'Path', groupValuesLabel: 'Paths', operators: ['=', '!=', '^', ':'] },
  { key: 'arn', propertyLabel: 'ARN', groupValuesLabel: 'ARNs', operators: [':', '=', '^'] },
  { key: 'userId', propertyLabel: 'User ID', groupValuesLabel: 'User IDs', operators: ['=', ':'] },
  dateFilteringProperty('createDate', 'Creation time'),
  dateFilteringProperty('passwordLastUsed', 'Console last sign-in'),
];

export function UsersTable() {
  const users = useUsers();
  const [selected, setSelected] = useState<UserSummary[]>([]);
  const [deleting, setDeleting] = useState(false);
  const onFollow = useFollowHandler();
  return (
    <>
      <ResourceTable<UserSummary>
        resourceName={{ one: 'user', many: 'users' }}
        title="Users"
        description="An IAM user is an identity with long-term credentials that is used to interact with AWS in an account."
        query={users}
        columns={columns}
        filteringProperties={filteringProperties}
        defaultSortingColumnId="userName"
        preferencesKey="users"
        trackBy="userName"
        selectionType="multi"
        selectedItems={selected}
        onSelectionChange={setSelected}
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button disabled={selected.length === 0} onClick={() => setDeleting(true)}>
              Delete
            </Button>
            <Button variant="primary" href="/users/create" onFollow={onFollow}>
              Create user
            </Button>
          </SpaceBetween>
        }
        emptyAction={
          <Button href="/users/create" onFollow={onFollow}>
            Create user
          </Button>
        }
      />
      {deleting ? (
        <DeleteUsersModal
          userNames={selected.map((user) => user.userName)}
          onClose={() => setDeleting(false)}
          onDeleted={(names) => setSelected((current) => current.filter((user) => !names.includes(user.userName)))}
        />
      ) : null}
    </>
  );
}
