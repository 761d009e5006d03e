import { useCollection } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import type { SimulationResult } from '@iam-console/api-contract/policy-simulator.ts';
import { saveTextFile } from '../../../lib/save-file.ts';
import { DECISION_LABELS, DECISION_STATUS } from '../decision.ts';
import { simulationCsv, simulationFileName } from '../simulation-csv.ts';

const statements = (r: SimulationResult) =>
  r.matchedStatements.length === 0 ? '-' : r.matchedStatements.map((s) => `${s.sourcePolicyId} (${s.sourcePolicyType})`).join(', ');

const columns: TableProps.ColumnDefinition<SimulationResult>[] = [
  { id: 'action', header: 'Action', cell: (r) => r.action, sortingField: 'action', isRowHeader: true },
  { id: 'resource', header: 'Resource', cell: (r) => r.resource, sortingField: 'resource' },
  {
    id: 'decision',
    header: 'Permission',
    cell: (r) => <StatusIndicator type={DECISION_STATUS[r.decision]}>{DECISION_LABELS[r.decision]}</StatusIndicator>,
    sortingField: 'decision',
    minWidth: 220,
  },
  { id: 'statements', header: 'Matched statements', cell: statements },
  { id: 'why', header: 'Why', cell: (r) => r.why },
];

/** One row per simulated action: filter, sort, and download what the filter shows. */
export function ResultsTable({ results, principalName }: { results: readonly SimulationResult[]; principalName: string }) {
  const { items, filteredItemsCount, collectionProps, filterProps, actions } = useCollection([...results], {
    filtering: {
      filteringFunction: (r, text) => [r.action, r.resource, DECISION_LABELS[r.decision], r.why, statements(r)].join(' ').toLowerCase().includes(text.toLowerCase()),
      noMatch: (
        <Box textAlign="center">
          <b>No matches</b>
          <Box padding={{ top: 'xs' }}>
            <Button onClick={() => actions.setFiltering('')}>Clear filter</Button>
          </Box>
        </Box>
      ),
    },
    sorting: {},
  });
  return (
    <Table<SimulationResult>
      {...collectionProps}
      variant="container"
      items={items}
      columnDefinitions={columns}
      trackBy={(r) => `${r.action} ${r.resource}`}
      wrapLines
      filter={<TextFilter {...filterProps} filteringPlaceholder="Find results" countText={`${filteredItemsCount ?? 0} matches`} />}
      header={
        <Header
          variant="h2"
          counter={`(${results.length})`}
          description={`What IAM decides for ${principalName}, weighing its own, its groups’ and its permissions boundary policies.`}
          actions={
            <Button iconName="download" onClick={() => saveTextFile(simulationFileName(principalName, new Date()), simulationCsv(items), 'text/csv;charset=utf-8')}>
              Download CSV
            </Button>
          }
        >
          Results
        </Header>
      }
    />
  );
}
