import SegmentedControl from '@cloudscape-design/components/segmented-control';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { ResourceTable } from '../../../components/resource-table.tsx';
import { policiesQueryOptions, type PolicySummary } from '../api/policies.ts';
import { DeletePolicyModal } from './delete-policy-modal.tsx';
import { policiesTableConfig, toPolicyRows, type PolicyRow, type PolicyTypeFilter } from './policies-table-config.tsx';

export function PoliciesTable() {
  const [type, setType] = useState<PolicyTypeFilter>('all');
  const select = useCallback((data: PolicySummary[]) => toPolicyRows(data, type), [type]);
  const policies = useQuery({ ...policiesQueryOptions(), select });
  return (
    <ResourceTable<PolicyRow>
      {...policiesTableConfig}
      query={policies}
      actions={
        <SegmentedControl
          selectedId={type}
          onChange={({ detail }) => setType(detail.selectedId as PolicyTypeFilter)}
          label="Filter by type"
          options={[
            { id: 'all', text: 'All types' },
            { id: 'customer', text: 'Customer managed' },
            { id: 'aws', text: 'AWS managed' },
          ]}
        />
      }
      deletion={{
        action: 'iam:DeletePolicy',
        disabledReason: ([policy]) => (policy?.awsManaged ? 'AWS managed policies cannot be deleted.' : undefined),
        modal: ({ items: [policy], onClose, onDeleted }) =>
          policy ? <DeletePolicyModal policy={policy} onClose={onClose} onDeleted={() => onDeleted([policy])} /> : null,
      }}
    />
  );
}
