import { useCollection } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import CollectionPreferences from '@cloudscape-design/components/collection-preferences';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import type { PropertyFilterProps } from '@cloudscape-design/components/property-filter';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { useMemo, useState, type ReactNode } from 'react';
import { useCapabilities, type ConsoleAction } from '../lib/capabilities.ts';
import { ErrorAlert } from './error-alert.tsx';
import { usePersistentState } from './persistent-state.ts';
import { RouterLink, useFollowHandler } from './router-link.tsx';
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

/** What a list page declares about its table (Cloudscape's demos keep this in a page's table config). */
export interface ResourceTableConfig<T> {
  /** Singular and plural, lower-case: "user", "users". */
  resourceName: { one: string; many: string };
  title: string;
  description?: ReactNode;
  columns: ResourceColumn<T>[];
  filteringProperties: PropertyFilterProps.FilteringProperty[];
  defaultSortingColumnId?: string;
  /** localStorage key for page size and visible columns. */
  preferencesKey: string;
  trackBy: keyof T & string;
  /** An item's detail page: the row header cell links there. Module-level, so the columns stay the same. */
  itemHref: (item: T) => string;
  /**
   * "Create user", where it goes and the IAM action it takes: the header's primary action and the empty state's,
   * left out when IAM would deny the action.
   */
  create: { label: string; href: string; action: ConsoleAction };
}

/** Delete, enabled with a selection; the page's dialog asks for confirmation and does the work. */
export interface ResourceDeletion<T> {
  /** The IAM action of a delete: Delete and the row selection are left out when IAM would deny it. */
  action: ConsoleAction;
  /** Several at once (users) or one (groups, roles, policies). */
  multiple?: boolean;
  /** Why the selection cannot be deleted (e.g. an AWS managed policy), or undefined. */
  disabledReason?: (selected: readonly T[]) => string | undefined;
  /** The dialog for the selection. `onDeleted` drops items from the selection; once none is left it closes. */
  modal: (props: { items: T[]; onClose: () => void; onDeleted: (deleted: readonly T[]) => void }) => ReactNode;
}

export interface ResourceTableProps<T> extends ResourceTableConfig<T> {
  /** The list query (TanStack Query result or alike): loading, error, refresh and retry come from it. */
  query: ListQuery<T>;
  deletion?: ResourceDeletion<T>;
  /** More header actions, before Delete and Create (e.g. a type filter). */
  actions?: ReactNode;
  variant?: TableProps.Variant;
}

function EmptyState({ many, children }: { many: string; children?: ReactNode }) {
  return (
    <Box textAlign="center" color="inherit" padding="l">
      <SpaceBetween size="xs">
        <b>No {many}</b>
        <Box variant="p" color="inherit">
          There are no {many} to display.
        </Box>
        {children}
      </SpaceBetween>
    </Box>
  );
}

function NoMatch({ many, onClear }: { many: string; onClear: () => void }) {
  return (
    <Box textAlign="center" color="inherit" padding="l">
      <SpaceBetween size="xs">
        <b>No matches</b>
        <Box variant="p" color="inherit">
          No {many} match the filter.
        </Box>
        <Button onClick={onClear}>Clear filter</Button>
      </SpaceBetween>
    </Box>
  );
}

/** The row header column links to the item's page; the other columns are as the page declared them. */
function useLinkedColumns<T>(columns: ResourceColumn<T>[], itemHref: (item: T) => string): ResourceColumn<T>[] {
  return useMemo(
    () =>
      columns.map((column) =>
        column.isRowHeader ? { ...column, cell: (item: T) => <RouterLink href={itemHref(item)}>{column.cell(item)}</RouterLink> } : column,
      ),
    [columns, itemHref],
  );
}

/**
 * The selection, without items the list no longer holds (deleted, or filtered out by the page's query), so
 * an action never applies to something that is not shown.
 */
function useSelection<T>(source: readonly T[] | undefined, trackBy: keyof T & string) {
  const [chosen, setChosen] = useState<T[]>([]);
  const present = useMemo(() => (source ? new Set(source.map((item) => item[trackBy])) : null), [source, trackBy]);
  const selected = useMemo(() => (present ? chosen.filter((item) => present.has(item[trackBy])) : chosen), [chosen, present, trackBy]);
  const drop = (items: readonly T[]) => {
    const gone = new Set(items.map((item) => item[trackBy]));
    setChosen((current) => current.filter((item) => !gone.has(item[trackBy])));
  };
  return { selected, setSelected: setChosen, drop };
}

function TablePreferencesControl({ many, columns, preferences, defaultDisplay, onChange }: {
  many: string;
  columns: ResourceColumn<unknown>[];
  preferences: TablePreferences;
  defaultDisplay: TablePreferences['contentDisplay'];
  onChange: (preferences: TablePreferences) => void;
}) {
  return (
    <CollectionPreferences
      title="Preferences"
      confirmLabel="Confirm"
      cancelLabel="Cancel"
      preferences={{ pageSize: preferences.pageSize, contentDisplay: preferences.contentDisplay }}
      pageSizePreference={{ title: 'Page size', options: PAGE_SIZE_OPTIONS.map((value) => ({ value, label: `${value} ${many}` })) }}
      contentDisplayPreference={{
        title: 'Column preferences',
        options: columns.map((column) => ({ id: column.id, label: column.header, alwaysVisible: column.id === columns[0]?.id })),
      }}
      onConfirm={({ detail }) =>
        onChange(
          sanitizeTablePreferences(
            { pageSize: detail.pageSize ?? preferences.pageSize, contentDisplay: detail.contentDisplay ?? preferences.contentDisplay },
            defaultDisplay,
          ) ?? preferences,
        )
      }
    />
  );
}

/**
 * The console's list view: property filter, sorting, pagination and remembered preferences over a list
 * the BFF returns complete, so filtering and sorting happen in the browser without round trips; loading,
 * empty (with the create action), no-match and error states; Delete over the selection with the page's dialog.
 */
export function ResourceTable<T>(props: ResourceTableProps<T>) {
  const defaultDisplay = useMemo(() => props.columns.map((column) => ({ id: column.id, visible: column.visible !== false })), [props.columns]);
  const [preferences, setPreferences] = usePersistentState<TablePreferences>(
    `iam-console.table.${props.preferencesKey}`,
    { pageSize: 25, contentDisplay: defaultDisplay },
    (stored) => sanitizeTablePreferences(stored, defaultDisplay),
  );
  const columns = useLinkedColumns(props.columns, props.itemHref);
  const onFollow = useFollowHandler();
  const many = props.resourceName.many;
  const source = props.query.data;
  const { selected, setSelected, drop } = useSelection(source, props.trackBy);
  const { can } = useCapabilities();
  const mayCreate = can(props.create.action);
  const [deleting, setDeleting] = useState(false);
  const retry = () => void props.query.refetch();
  const defaultSortingColumn = columns.find((column) => column.id === props.defaultSortingColumnId);
  const createButton = (variant?: 'primary') =>
    mayCreate ? (
      <Button variant={variant} href={props.create.href} onFollow={onFollow}>
        {props.create.label}
      </Button>
    ) : null;

  const { items, actions, filteredItemsCount, collectionProps, propertyFilterProps, paginationProps } =
    useCollection(source ?? [], {
      propertyFiltering: {
        filteringProperties: props.filteringProperties,
        filteringOptions: NO_OPTIONS,
        empty: <EmptyState many={many}>{createButton()}</EmptyState>,
        noMatch: <NoMatch many={many} onClear={() => actions.setPropertyFiltering({ tokens: [], operation: 'and' })} />,
      },
      sorting: defaultSortingColumn ? { defaultState: { sortingColumn: defaultSortingColumn } } : {},
      pagination: { pageSize: preferences.pageSize },
    });

  const deletion = props.deletion && can(props.deletion.action) ? props.deletion : undefined;
  const total = source?.length ?? 0;
  const counter = source ? (selected.length > 0 ? `(${selected.length}/${total})` : `(${total})`) : undefined;
  const deleteDisabledReason = selected.length > 0 ? deletion?.disabledReason?.(selected) : undefined;
  const onDeleted = (deleted: readonly T[]) => {
    drop(deleted);
    if (deleted.length >= selected.length) setDeleting(false);
  };

  return (
    <>
      <Table<T>
        {...collectionProps}
        variant={props.variant ?? 'full-page'}
        items={items}
        trackBy={props.trackBy}
        loading={props.query.isPending}
        loadingText={`Loading ${many}`}
        columnDefinitions={columns}
        columnDisplay={preferences.contentDisplay}
        selectionType={deletion ? (deletion.multiple ? 'multi' : 'single') : undefined}
        selectedItems={selected}
        onSelectionChange={(event) => setSelected(event.detail.selectedItems)}
        ariaLabels={{
          selectionGroupLabel: `${props.resourceName.one} selection`,
          allItemsSelectionLabel: () => `Select all ${many}`,
          itemSelectionLabel: (_selection, item) => `Select ${String(item[props.trackBy])}`,
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
                {deletion ? (
                  <Button disabled={selected.length === 0 || Boolean(deleteDisabledReason)} disabledReason={deleteDisabledReason} onClick={() => setDeleting(true)}>
                    Delete
                  </Button>
                ) : null}
                {createButton('primary')}
              </SpaceBetween>
            }
          >
            {props.title}
          </Header>
        }
        empty={
          props.query.error ? (
            <Box padding="s" textAlign="left">
              <ErrorAlert error={props.query.error} header={`Could not load ${many}`} action={<Button onClick={retry}>Retry</Button>} />
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
          <TablePreferencesControl
            many={many}
            columns={props.columns as ResourceColumn<unknown>[]}
            preferences={preferences}
            defaultDisplay={defaultDisplay}
            onChange={setPreferences}
          />
        }
      />
      {deletion && deleting && selected.length > 0 ? deletion.modal({ items: selected, onClose: () => setDeleting(false), onDeleted }) : null}
    </>
  );
}
