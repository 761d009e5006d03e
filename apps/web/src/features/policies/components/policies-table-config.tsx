import { dateFilteringProperty } from '../../../components/date-filter.tsx';
import { formatDateTime } from '../../../components/format.ts';
import type { ResourceTableConfig } from '../../../components/resource-table.tsx';
import { detailPath } from '../../../lib/path-segment.ts';
import type { PolicySummary } from '../api/policies.ts';

/** A list row: the summary plus the fields the filter offers as values. */
export interface PolicyRow extends PolicySummary {
  type: 'AWS managed' | 'Customer managed';
  usedAs: string;
}

export function toPolicyRow(policy: PolicySummary): PolicyRow {
  const uses: string[] = [];
  if (policy.attachmentCount > 0) uses.push(`Permissions policy (${policy.attachmentCount})`);
  if (policy.permissionsBoundaryUsageCount > 0) uses.push(`Permissions boundary (${policy.permissionsBoundaryUsageCount})`);
  return { ...policy, type: policy.awsManaged ? 'AWS managed' : 'Customer managed', usedAs: uses.join(', ') || 'None' };
}

export type PolicyTypeFilter = 'all' | 'customer' | 'aws';

/** Rows of the chosen type, as the IAM console's "Filter by Type" narrows the list. */
export function toPolicyRows(policies: readonly PolicySummary[], type: PolicyTypeFilter = 'all'): PolicyRow[] {
  const wanted = type === 'all' ? policies : policies.filter((policy) => policy.awsManaged === (type === 'aws'));
  return wanted.map(toPolicyRow);
}

/** The Policies page's table: columns, filter properties and where its links go. */
export const policiesTableConfig: ResourceTableConfig<PolicyRow> = {
  resourceName: { one: 'policy', many: 'policies' },
  title: 'Policies',
  description: 'A policy is an object in AWS that defines permissions.',
  columns: [
    { id: 'policyName', header: 'Policy name', cell: (policy) => policy.policyName, sortingField: 'policyName', isRowHeader: true },
    { id: 'type', header: 'Type', cell: (policy) => policy.type, sortingField: 'type' },
    { id: 'usedAs', header: 'Used as', cell: (policy) => policy.usedAs, sortingField: 'attachmentCount' },
    { id: 'attachmentCount', header: 'Attachments', cell: (policy) => String(policy.attachmentCount), sortingField: 'attachmentCount', visible: false },
    { id: 'description', header: 'Description', cell: (policy) => policy.description ?? '-', maxWidth: 480 },
    { id: 'updateDate', header: 'Last edited', cell: (policy) => formatDateTime(policy.updateDate), sortingField: 'updateDate', visible: false },
    { id: 'createDate', header: 'Creation time', cell: (policy) => formatDateTime(policy.createDate), sortingField: 'createDate', visible: false },
    { id: 'path', header: 'Path', cell: (policy) => policy.path, sortingField: 'path', visible: false },
  ],
  filteringProperties: [
    { key: 'policyName', propertyLabel: 'Policy name', groupValuesLabel: 'Policy names', operators: [':', '!:', '=', '!=', '^'] },
    { key: 'type', propertyLabel: 'Type', groupValuesLabel: 'Types', operators: ['=', '!='] },
    { key: 'usedAs', propertyLabel: 'Used as', groupValuesLabel: 'Uses', operators: [':', '!:', '='] },
    { key: 'description', propertyLabel: 'Description', groupValuesLabel: 'Descriptions', operators: [':', '!:'] },
    { key: 'path', propertyLabel: 'Path', groupValuesLabel: 'Paths', operators: ['=', '^'] },
    dateFilteringProperty('updateDate', 'Last edited'),
    dateFilteringProperty('createDate', 'Creation time'),
  ],
  defaultSortingColumnId: 'policyName',
  preferencesKey: 'policies',
  trackBy: 'arn',
  itemHref: (policy) => detailPath.policy(policy.arn),
  create: { label: 'Create policy', href: '/policies/create', action: 'iam:CreatePolicy' },
};
