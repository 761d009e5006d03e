import { dateFilteringProperty } from '../../../components/date-filter.tsx';
import { formatAge, formatDateTime } from '../../../components/format.ts';
import type { ResourceTableConfig } from '../../../components/resource-table.tsx';
import { detailPath } from '../../../lib/path-segment.ts';
import type { UserSummary } from '../api/users.ts';

/** The Users page's table: columns, filter properties and where its links go. */
export const usersTableConfig: ResourceTableConfig<UserSummary> = {
  resourceName: { one: 'user', many: 'users' },
  title: 'Users',
  description: 'An IAM user is an identity with long-term credentials that is used to interact with AWS in an account.',
  columns: [
    { id: 'userName', header: 'User name', cell: (user) => user.userName, sortingField: 'userName', isRowHeader: true },
    { id: 'path', header: 'Path', cell: (user) => user.path, sortingField: 'path' },
    { id: 'passwordLastUsed', header: 'Console last sign-in', cell: (user) => formatAge(user.passwordLastUsed), sortingField: 'passwordLastUsed' },
    {
      id: 'createDate',
      header: 'Creation time',
      cell: (user) => <span title={formatDateTime(user.createDate)}>{formatAge(user.createDate)}</span>,
      sortingField: 'createDate',
    },
    { id: 'arn', header: 'ARN', cell: (user) => user.arn, sortingField: 'arn', visible: false },
    { id: 'userId', header: 'User ID', cell: (user) => user.userId, visible: false },
  ],
  filteringProperties: [
    { key: 'userName', propertyLabel: 'User name', groupValuesLabel: 'User names', operators: [':', '!:', '=', '!=', '^'] },
    { key: 'path', propertyLabel: 'Path', groupValuesLabel: 'Paths', operators: ['=', '!=', '^', ':'] },
    { key: 'arn', propertyLabel: 'ARN', groupValuesLabel: 'ARNs', operators: [':', '=', '^'] },
    { key: 'userId', propertyLabel: 'User ID', groupValuesLabel: 'User IDs', operators: ['=', ':'] },
    dateFilteringProperty('createDate', 'Creation time'),
    dateFilteringProperty('passwordLastUsed', 'Console last sign-in'),
  ],
  defaultSortingColumnId: 'userName',
  preferencesKey: 'users',
  trackBy: 'userName',
  itemHref: (user) => detailPath.user(user.userName),
  create: { label: 'Create user', href: '/users/create', action: 'iam:CreateUser' },
};
