import { useCollection } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import CollectionPreferences from '@cloudscape-design/components/collection-preferences';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import PropertyFilter from '@cloudscape-design/components/property-filter';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { stringify } from 'csv-stringify/browser/esm/sync';
import { memo, useMemo, useState } from 'react';
import { CREDENTIAL_REPORT_COLUMNS, reportFileName } from '@iam-console/api-contract/credential-report.ts';
import { usePersistentState } from '../../../components/persistent-state.ts';
import { PAGE_SIZE_OPTIONS, sanitizeTablePreferences, type TablePreferences } from '../../../components/table-preferences.ts';
import { saveTextFile } from '../../../lib/save-file.ts';
import { REPORT_FILTERING_OPTIONS, REPORT_FILTERING_PROPERTIES } from '../report-filters.ts';
import { reportColumns, sortRows, type TableRow } from '../report-table-columns.tsx';

/** The filtered lines in IAM's own format: the report's header and cells, as a subset of the report. */
export function filteredCsv(rows: readonly TableRow[]): string {
  return stringify([[...CREDENTIAL_REPORT_COLUMNS], ...rows.map((row) => CREDENTIAL_REPORT_COLUMNS.map((c) => row.cells[c] ?? ''))], { record_delimiter: 'unix' });
}

export interface ReportTableProps {
  rows: readonly TableRow[];
  generatedTime: string;
  now: number;
  /** The report's own download (IAM's bytes), in the header. */
  downloadReport: React.ReactNode;
}

/**
 * Every line of the report: filter, sort (root first), choose columns, download what the filter shows. Drawn again
 * only when its props change: 10,000 rows through the collection are not redone for each render of the page.
 */
export const ReportTable = memo(function ReportTable({ rows, generatedTime, now, downloadReport }: ReportTableProps) {
  const columns = useMemo(() => reportColumns(now), [now]);
  const defaultDisplay = useMemo(() => columns.map((c) => ({ id: c.id, visible: c.visible })), [columns]);
  const [preferences, setPreferences] = usePersistentState<TablePreferences>(
    'iam-console.table.credential-report',
    { pageSize: 50, contentDisplay: defaultDisplay },
    (stored) => sanitizeTablePreferences(stored, defaultDisplay),
  );
  const [sorting, setSorting] = useState<{ column?: TableProps.SortingColumn<TableRow>; descending: boolean }>({ descending: false });
  const sorted = useMemo(() => sortRows(rows, sorting.column?.sortingField, sorting.descending), [rows, sorting]);
  // The collection filters only; the page is cut here, so the filtered lines as a whole are at hand for the download.
  const { items: filtered, actions, filteredItemsCount, collectionProps, propertyFilterProps } = useCollection(sorted, {
    propertyFiltering: {
      filteringProperties: REPORT_FILTERING_PROPERTIES,
      // Given, so the collection does not gather every property's values from the 10,000 rows on first render.
      filteringOptions: REPORT_FILTERING_OPTIONS,
      empty: <Box textAlign="center">The report has no lines.</Box>,
      noMatch: (
        <Box textAlign="center" padding="l">
          <SpaceBetween size="xs">
            <b>No matches</b>
            <Button onClick={() => actions.setPropertyFiltering({ tokens: [], operation: 'and' })}>Clear filter</Button>
          </SpaceBetween>
        </Box>
      ),
    },
  });
  const [page, setPage] = useState(1);
  const pagesCount = Math.max(1, Math.ceil(filtered.length / preferences.pageSize));
  const currentPage = Math.min(page, pagesCount);
  const items = filtered.slice((currentPage - 1) * preferences.pageSize, currentPage * preferences.pageSize);
  return (
    <Table<TableRow>
      {...collectionProps}
      variant="container"
      items={items}
      trackBy="index"
      columnDefinitions={columns}
      columnDisplay={preferences.contentDisplay}
      sortingColumn={sorting.column}
      sortingDescending={sorting.descending}
      onSortingChange={({ detail }) => setSorting({ column: detail.sortingColumn, descending: detail.isDescending ?? false })}
      stickyHeader
      resizableColumns
      wrapLines
      header={
        <Header
          variant="h2"
          counter={filteredItemsCount === rows.length ? `(${rows.length})` : `(${filteredItemsCount ?? 0}/${rows.length})`}
          description="One line per user, the root user first, as in IAM's report."
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              {downloadReport}
              <Button iconName="download" onClick={() => saveTextFile(reportFileName(new Date(generatedTime), '_filtered'), filteredCsv(filtered), 'text/csv;charset=utf-8')}>
                Download filtered (CSV)
              </Button>
            </SpaceBetween>
          }
        >
          Report
        </Header>
      }
      filter={
        <PropertyFilter
          {...propertyFilterProps}
          onChange={(event) => {
            setPage(1);
            propertyFilterProps.onChange(event);
          }}
          filteringOptions={REPORT_FILTERING_OPTIONS}
          countText={`${filteredItemsCount ?? 0} ${filteredItemsCount === 1 ? 'match' : 'matches'}`}
          filteringPlaceholder="Filter the report, e.g. mfa_active = false"
          expandToViewport
        />
      }
      pagination={<Pagination currentPageIndex={currentPage} pagesCount={pagesCount} onChange={({ detail }) => setPage(detail.currentPageIndex)} />}
      preferences={
        <CollectionPreferences
          title="Preferences"
          confirmLabel="Confirm"
          cancelLabel="Cancel"
          preferences={{ pageSize: preferences.pageSize, contentDisplay: preferences.contentDisplay }}
          pageSizePreference={{ title: 'Page size', options: PAGE_SIZE_OPTIONS.map((value) => ({ value, label: `${value} lines` })) }}
          contentDisplayPreference={{ title: 'Column preferences', options: columns.map((c) => ({ id: c.id, label: c.header, alwaysVisible: c.id === 'user' })) }}
          onConfirm={({ detail }) =>
            setPreferences(
              sanitizeTablePreferences({ pageSize: detail.pageSize ?? preferences.pageSize, contentDisplay: detail.contentDisplay ?? preferences.contentDisplay }, defaultDisplay) ??
                preferences,
            )
          }
        />
      }
    />
  );
});
