export const PAGE_SIZE_OPTIONS = [10, 25, 50, 100, 250] as const;

/** One column in the order the person arranged them, and whether it shows (Cloudscape's contentDisplay). */
export interface ColumnDisplay {
  id: string;
  visible: boolean;
}

export interface TablePreferences {
  pageSize: number;
  contentDisplay: ColumnDisplay[];
}

const isColumnDisplay = (value: unknown): value is ColumnDisplay =>
  typeof value === 'object' && value !== null && typeof (value as ColumnDisplay).id === 'string' && typeof (value as ColumnDisplay).visible === 'boolean';

/** The stored order and visibility of the columns that still exist, then any new column as it shows by default. */
function arrange(stored: readonly ColumnDisplay[], columns: readonly ColumnDisplay[]): ColumnDisplay[] {
  const known = new Set(columns.map((column) => column.id));
  const seen = new Set<string>();
  const kept = stored.filter((column) => known.has(column.id) && !seen.has(column.id) && seen.add(column.id));
  return [...kept.map(({ id, visible }) => ({ id, visible })), ...columns.filter((column) => !seen.has(column.id))];
}

/**
 * Keeps only what still makes sense: a page size we offer, and the columns that still exist in the order
 * the person chose. `columns` are the table's columns in their default order and visibility. Preferences
 * saved before the order was kept (`visibleColumns`) keep their visible columns, in the default order.
 */
export function sanitizeTablePreferences(stored: unknown, columns: readonly ColumnDisplay[]): TablePreferences | null {
  if (!stored || typeof stored !== 'object') return null;
  const { pageSize, contentDisplay, visibleColumns } = stored as { pageSize?: unknown; contentDisplay?: unknown; visibleColumns?: unknown };
  if (typeof pageSize !== 'number' || !(PAGE_SIZE_OPTIONS as readonly number[]).includes(pageSize)) return null;
  let arranged: ColumnDisplay[];
  if (Array.isArray(contentDisplay) && contentDisplay.every(isColumnDisplay)) {
    arranged = arrange(contentDisplay, columns);
  } else if (Array.isArray(visibleColumns)) {
    arranged = columns.map(({ id }) => ({ id, visible: visibleColumns.includes(id) }));
  } else {
    return null;
  }
  if (!arranged.some((column) => column.visible)) return null;
  return { pageSize, contentDisplay: arranged };
}
