import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { dateFilteringProperty } from '../../../components/date-filter.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { ResourceTable, type ResourceColumn } from '../../../components/resource-table.tsx';
import { RouterLink, useFollowHandler } from '../../../components/router-link.tsx';
import { policiesQueryOptions, type PolicySummary } from '../api/policies.ts';
import { DeletePolicyModal } from './delete-policy-modal.tsx';
import { detailPath } from '../../../lib/path-segment.ts';

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

const columns: ResourceColumn<PolicyRow>[] = [
  {
    id: 'policyName',
    header: 'Policy name',
    cell: (policy) => <RouterLink href={detailPath.policy(policy.arn)}>{policy.policyName}</RouterLink>,
    sortingField: 'policyName',
    isRowHeader: true,
  },
  { id: 'type', header: 'Type', cell: (policy) => policy.type, sortingField: 'type' },
  { id: 'usedAs', header: 'Used as', cell: (policy) => policy.usedAs, sortingField: 'attachmentCount' },
  { id: 'attachmentCount', header: 'Attachments', cell: (policy) => String(policy.attachmentCount), sortingField: 'attachmentCount', visible: false },
  { id: 'description', header: 'Description', cell: (policy) => policy.description ?? '-', maxWidth: 480 },
  { id: 'updateDate', header: 'Last edited', cell: (policy) => formatDateTime(policy.updateDate), sortingField: 'updateDate', visible: false },
  { id: 'createDate', header: 'Creation time', cell: (policy) => formatDateTime(policy.createDate), sortingField: 'createDate', visible: false },
  { id: 'path', header: 'Path', cell: (policy) => policy.path, sortingField: 'path', visible: false },
];

const filteringProperties = [
  { key: 'policyName', propertyLabel: 'Policy name', groupValuesLabel: 'Policy names', operators: [':', '!:', '=', '!=', '^'] },
  { key: 'type', propertyLabel: 'Type', groupValuesLabel: 'Types', operators: ['=', '!='] },
  { key: 'usedAs', propertyLabel: 'Used as', groupValuesLabel: 'Uses', operators: [':', '!:', '='] },
  { key: 'description', propertyLabel: 'Description', groupValuesLabel: 'Descriptions', operators: [':', '!:'] },
  { key: 'path', propertyLabel: 'Path', groupValuesLabel: 'Paths', operators: ['=', '^'] },
  dateFilteringProperty('updateDate', 'Last edited'),
  dateFilteringProperty('createDate', 'Creation time'),
];

export function PoliciesTable() {
  const [type, setType] = useState<PolicyTypeFilter>('all');
  const select = useCallback((data: PolicySummary[]) => toPolicyRows(data, type), [type]);
  const policies = useQuery({ ...policiesQueryOptions(), select });
  const [selected, setSelected] = useState<PolicyRow[]>([]);
  const [deleting, setDeleting] = useState(false);
  const target = selected[0];
  const onFollow = useFollowHandler();
  return (
    <>
      <ResourceTable<PolicyRow>
        resourceName={{ one: 'policy', many: 'policies' }}
        title="Policies"
        description="A policy is an object in AWS that defines permissions."
        query={policies}
        columns={columns}
        filteringProperties={filteringProperties}
        defaultSortingColumnId="policyName"
        preferencesKey="policies"
        trackBy="arn"
        selectionType="single"
        selectedItems={selected}
        onSelectionChange={setSelected}
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <SegmentedControl
              selectedId={type}
              onChange={({ detail }) => {
                setType(detail.selectedId as PolicyTypeFilter);
                setSelected([]);
              }}
              label="Filter by type"
              options={[
                { id: 'all', text: 'All types' },
                { id: 'customer', text: 'Customer managed' },
                { id: 'aws', text: 'AWS managed' },
              ]}
            />
            <Button
              disabled={!target || target.awsManaged}
              disabledReason={target?.awsManaged ? 'AWS managed policies cannot be deleted.' : undefined}
              onClick={() => setDeleting(true)}
            >
              Delete
            </Button>
            <Button variant="primary" href="/policies/create" onFollow={onFollow}>
              Create policy
            </Button>
          </SpaceBetween>
        }
        emptyAction={<Box variant="small">Customer managed policies appear here once created.</Box>}
      />
      {deleting && target ? (
        <DeletePolicyModal
          policy={target}
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
