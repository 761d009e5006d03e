import { useCollection } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import CollectionPreferences from '@cloudscape-design/components/collection-preferences';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import type { PropertyFilterProps } from '@cloudscape-design/components/property-filter';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { useMemo, type ReactNode } from 'react';
import { ErrorAlert } from './error-alert.tsx';
import { usePersistentState } from './persistent-state.ts';
import { SuggestingPropertyFilter } from './suggesting-property-filter.tsx';
import { PAGE_SIZE_OPTIONS, sanitizeTablePreferences, type TablePreferences } from './table-preferences.ts';

// useCollection would otherwise compute every distinct value of the list on each change of it; the filter
// builds its suggestions itself when they are first asked for.
const NO_OPTIONS: PropertyFilterProps.FilteringOption[] = [];
const NO_ITEMS: readonly never[] = [];

export interface ResourceColumn<T> extends TableProps.ColumnDefinition<T> {
  id: string;
  header: string;
  /** Shown unless the person hides it in preferences. */
  visible?: boolean;
}

export interface ListQuery<T> {
  data: readonly T[] | undefined;
  isPending: boolean;
  isFetching: boolean;
  error: unknown;
  refetch: () => unknown;
}

export interface ResourceTableProps<T> {
  /** Singular and plural, lower-case: "user", "users". */
  resourceName: { one: string; many: string };
  title: string;
  description?: ReactNode;
  /** The list query (TanStack Query result or alike): loading, error, refresh and retry come from it. */
  query: ListQuery<T>;
  columns: ResourceColumn<T>[];
  filteringProperties: PropertyFilterProps.FilteringProperty[];
  defaultSortingColumnId?: string;
  /** localStorage key for page size and visible columns. */
  preferencesKey: string;
  trackBy: string;
  selectionType?: TableProps.SelectionType;
  selectedItems?: T[];
  onSelectionChange?: (items: T[]) => void;
  actions?: ReactNode;
  emptyAction?: ReactNode;
  variant?: TableProps.Variant;
}

/**
 * The console's list view: property filter, sorting, pagination and remembered preferences over a list
 * the BFF returns complete, so filtering and sorting happen in the browser without round trips.
 */
export function ResourceTable<T>(props: ResourceTableProps<T>) {
  const defaultDisplay = useMemo(() => props.columns.map((column) => ({ id: column.id, visible: column.visible !== false })), [props.columns]);
  const [preferences, setPreferences] = usePersistentState<TablePreferences>(
    `iam-console.table.${props.preferencesKey}`,
    { pageSize: 25, contentDisplay: defaultDisplay },
    (stored) => sanitizeTablePreferences(stored, defaultDisplay),
  );
  const many = props.resourceName.many;
  const source = props.query.data;
  const retry = () => void props.query.refetch();
  const defaultSortingColumn = props.columns.find((column) => column.id === props.defaultSortingColumnId);

  const { items, actions, filteredItemsCount, collectionProps, propertyFilterProps, paginationProps } =
    useCollection(source ?? [], {
      propertyFiltering: {
        filteringProperties: props.filteringProperties,
        filteringOptions: NO_OPTIONS,
        empty: (
          <Box textAlign="center" color="inherit" padding="l">
            <SpaceBetween size="xs">
              <b>No {many}</b>
              <Box variant="p" color="inherit">
                There are no {many} to display.
              </Box>
              {props.emptyAction}
            </SpaceBetween>
          </Box>
        ),
        noMatch: (
          <Box textAlign="center" color="inherit" padding="l">
            <SpaceBetween size="xs">
              <b>No matches</b>
              <Box variant="p" color="inherit">
                No {many} match the filter.
              </Box>
              <Button onClick={() => actions.setPropertyFiltering({ tokens: [], operation: 'and' })}>Clear filter</Button>
            </SpaceBetween>
          </Box>
        ),
      },
      sorting: defaultSortingColumn ? { defaultState: { sortingColumn: defaultSortingColumn } } : {},
      pagination: { pageSize: preferences.pageSize },
    });

  const total = source?.length ?? 0;
  const selectedCount = props.selectedItems?.length ?? 0;
  const counter = source ? (selectedCount > 0 ? `(${selectedCount}/${total})` : `(${total})`) : undefined;

  return (
    <Table<T>
      {...collectionProps}
      variant={props.variant ?? 'full-page'}
      items={items}
      trackBy={props.trackBy}
      loading={props.query.isPending}
      loadingText={`Loading ${many}`}
      columnDefinitions={props.columns}
      columnDisplay={preferences.contentDisplay}
      selectionType={props.selectionType}
      selectedItems={props.selectedItems}
      onSelectionChange={(event) => props.onSelectionChange?.(event.detail.selectedItems)}
      ariaLabels={{
        selectionGroupLabel: `${props.resourceName.one} selection`,
        allItemsSelectionLabel: () => `Select all ${many}`,
        itemSelectionLabel: (_selection, item) => `Select ${String((item as Record<string, unknown>)[props.trackBy])}`,
      }}
      stickyHeader
      header={
        <Header
          variant="awsui-h1-sticky"
          counter={counter}
          description={props.description}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button iconName="refresh" ariaLabel={`Refresh ${many}`} loading={props.query.isFetching && !props.query.isPending} onClick={retry} />
              {props.actions}
            </SpaceBetween>
          }
        >
          {props.title}
        </Header>
      }
      empty={
        props.query.error ? (
          <Box padding="s" textAlign="left">
            <ErrorAlert
              error={props.query.error}
              header={`Could not load ${many}`}
              action={<Button onClick={retry}>Retry</Button>}
            />
          </Box>
        ) : (
          collectionProps.empty
        )
      }
      filter={
        <SuggestingPropertyFilter
          {...propertyFilterProps}
          items={source ?? NO_ITEMS}
          countText={`${filteredItemsCount ?? 0} ${filteredItemsCount === 1 ? 'match' : 'matches'}`}
          filteringPlaceholder={`Find ${many}`}
          expandToViewport
        />
      }
      pagination={<Pagination {...paginationProps} />}
      preferences={
        <CollectionPreferences
          title="Preferences"
          confirmLabel="Confirm"
          cancelLabel="Cancel"
          preferences={{
            pageSize: preferences.pageSize,
            contentDisplay: preferences.contentDisplay,
          }}
          pageSizePreference={{
            title: 'Page size',
            options: PAGE_SIZE_OPTIONS.map((value) => ({ value, label: `${value} ${many}` })),
          }}
          contentDisplayPreference={{
            title: 'Column preferences',
            options: props.columns.map((column) => ({
              id: column.id,
              label: column.header,
              alwaysVisible: column.id === props.columns[0]?.id,
            })),
          }}
          onConfirm={({ detail }) =>
            setPreferences(
              sanitizeTablePreferences(
                { pageSize: detail.pageSize ?? preferences.pageSize, contentDisplay: detail.contentDisplay ?? preferences.contentDisplay },
                defaultDisplay,
              ) ?? preferences,
            )
          }
        />
      }
    />
  );
}
