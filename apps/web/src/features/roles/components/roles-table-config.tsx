import { dateFilteringProperty } from '../../../components/date-filter.tsx';
import { formatAge, formatDateTime, formatDuration } from '../../../components/format.ts';
import type { ResourceTableConfig } from '../../../components/resource-table.tsx';
import { detailPath } from '../../../lib/path-segment.ts';
import type { RoleSummary } from '../api/roles.ts';
import { RoleLastActivity } from './role-last-activity.tsx';

/** The Roles page's table: columns, filter properties and where its links go. */
export const rolesTableConfig: ResourceTableConfig<RoleSummary> = {
  resourceName: { one: 'role', many: 'roles' },
  title: 'Roles',
  description:
    'An IAM role is an identity you can create that has specific permissions with credentials that are valid for short durations. Roles can be assumed by entities that you trust.',
  columns: [
    { id: 'roleName', header: 'Role name', cell: (role) => role.roleName, sortingField: 'roleName', isRowHeader: true },
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
  ],
  filteringProperties: [
    { key: 'roleName', propertyLabel: 'Role name', groupValuesLabel: 'Role names', operators: [':', '!:', '=', '!=', '^'] },
    { key: 'description', propertyLabel: 'Description', groupValuesLabel: 'Descriptions', operators: [':', '!:'] },
    { key: 'path', propertyLabel: 'Path', groupValuesLabel: 'Paths', operators: ['=', '!=', '^', ':'] },
    dateFilteringProperty('createDate', 'Creation time'),
  ],
  defaultSortingColumnId: 'roleName',
  preferencesKey: 'roles',
  trackBy: 'roleName',
  itemHref: (role) => detailPath.role(role.roleName),
  create: { label: 'Create role', href: '/roles/create', action: 'iam:CreateRole' },
};
