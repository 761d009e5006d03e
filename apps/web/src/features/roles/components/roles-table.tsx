import Button from '@cloudscape-design/components/button';
import { useState } from 'react';
import { dateFilteringProperty } from '../../../components/date-filter.tsx';
import { formatAge, formatDateTime, formatDuration } from '../../../components/format.ts';
import { ResourceTable, type ResourceColumn } from '../../../components/resource-table.tsx';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { RouterLink, useFollowHandler } from '../../../components/router-link.tsx';
import { useRoles, type RoleSummary } from '../api/roles.ts';
import { DeleteRoleModal } from './delete-role-modal.tsx';
import { RoleLastActivity } from './role-last-activity.tsx';
import { detailPath } from '../../../lib/path-segment.ts';

const columns: ResourceColumn<RoleSummary>[] = [
  {
    id: 'roleName',
    header: 'Role name',
    cell: (role) => <RouterLink href={detailPath.role(role.roleName)}>{role.roleName}</RouterLink>,
    sortingField: 'roleName',
    isRowHeader: true,
  },
  { id: 'description', header: 'Description', cell: (role) => role.description ?? '-', maxWidth: 400 },
  {
    id: 'lastActivity',
    header: 'Last activity',
    // Not sortable: only the visible page's roles are looked up (ListRoles omits RoleLastUsed).
    cell: (role) => <RoleLastActivity role={role} />,
  },
  { id: 'maxSessionDuration', header: 'Max session duration', cell: (role) => formatDuration(role.maxSessionDuration), sortingField: 'maxSessionDuration', visible: false },
  { id: 'path', header: 'Path', cell: (role) => role.path, sortingField: 'path', visible: false },
  { id: 'createDate', header: 'Creation time', cell: (role) => <span title={formatDateTime(role.createDate)}>{formatAge(role.createDate)}</span>, sortingField: 'createDate' },
  { id: 'arn', header: 'ARN', cell: (role) => role.arn, visible: false },
];

const filteringProperties = [
  { key: 'roleName', propertyLabel: 'Role name', groupValuesLabel: 'Role names', operators: [':', '!:', '=', '!=', '^'] },
  { key: 'description', propertyLabel: 'Description', groupValuesLabel: 'Descriptions', operators: [':', '!:'] },
  { key: 'path', propertyLabel: 'Path', groupValuesLabel: 'Paths', operators: ['=', '!=', '^', ':'] },
  dateFilteringProperty('createDate', 'Creation time'),
];

export function RolesTable() {
  const roles = useRoles();
  const [selected, setSelected] = useState<RoleSummary[]>([]);
  const [deleting, setDeleting] = useState(false);
  const target = selected[0];
  const onFollow = useFollowHandler();
  return (
    <>
      <ResourceTable<RoleSummary>
        resourceName={{ one: 'role', many: 'roles' }}
        title="Roles"
        description="An IAM role is an identity you can create that has specific permissions with credentials that are valid for short durations. Roles can be assumed by entities that you trust."
        query={roles}
        columns={columns}
        filteringProperties={filteringProperties}
        defaultSortingColumnId="roleName"
        preferencesKey="roles"
        trackBy="roleName"
        selectionType="single"
        selectedItems={selected}
        onSelectionChange={setSelected}
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button disabled={!target} onClick={() => setDeleting(true)}>
              Delete
            </Button>
            <Button variant="primary" href="/roles/create" onFollow={onFollow}>
              Create role
            </Button>
          </SpaceBetween>
        }
      />
      {deleting && target ? (
        <DeleteRoleModal
          roleName={target.roleName}
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
