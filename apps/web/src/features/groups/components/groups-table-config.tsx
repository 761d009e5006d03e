import { dateFilteringProperty } from '../../../components/date-filter.tsx';
import { formatAge, formatDateTime } from '../../../components/format.ts';
import type { ResourceTableConfig } from '../../../components/resource-table.tsx';
import { detailPath } from '../../../lib/path-segment.ts';
import type { GroupSummary } from '../api/groups.ts';

/** The User groups page's table: columns, filter properties and where its links go. */
export const groupsTableConfig: ResourceTableConfig<GroupSummary> = {
  resourceName: { one: 'user group', many: 'user groups' },
  title: 'User groups',
  description: 'A user group is a collection of IAM users. Use groups to specify permissions for a collection of users.',
  columns: [
    { id: 'groupName', header: 'Group name', cell: (group) => group.groupName, sortingField: 'groupName', isRowHeader: true },
    { id: 'memberCount', header: 'Users', cell: (group) => (group.memberCount === undefined ? '-' : String(group.memberCount)), sortingField: 'memberCount' },
    { id: 'path', header: 'Path', cell: (group) => group.path, sortingField: 'path' },
    { id: 'createDate', header: 'Creation time', cell: (group) => <span title={formatDateTime(group.createDate)}>{formatAge(group.createDate)}</span>, sortingField: 'createDate' },
    { id: 'arn', header: 'ARN', cell: (group) => group.arn, visible: false },
  ],
  filteringProperties: [
    { key: 'groupName', propertyLabel: 'Group name', groupValuesLabel: 'Group names', operators: [':', '!:', '=', '!=', '^'] },
    { key: 'path', propertyLabel: 'Path', groupValuesLabel: 'Paths', operators: ['=', '!=', '^', ':'] },
    dateFilteringProperty('createDate', 'Creation time'),
  ],
  defaultSortingColumnId: 'groupName',
  preferencesKey: 'groups',
  trackBy: 'groupName',
  itemHref: (group) => detailPath.group(group.groupName),
  create: { label: 'Create group', href: '/groups/create', action: 'iam:CreateGroup' },
};
