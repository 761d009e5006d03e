export const PAGE_SIZE_OPTIONS = [10, 25, 50, 100, 250] as const;

export interface TablePreferences {
  pageSize: number;
  visibleColumns: string[];
}

/** Keeps only what still makes sense: a page size we offer and columns that still exist. */
export function sanitizeTablePreferences(
  stored: unknown,
  columnIds: readonly string[],
): TablePreferences | null {
  if (!stored || typeof stored !== 'object') return null;
  const { pageSize, visibleColumns } = stored as Partial<TablePreferences>;
  if (typeof pageSize !== 'number' || !(PAGE_SIZE_OPTIONS as readonly number[]).includes(pageSize)) return null;
  if (!Array.isArray(visibleColumns)) return null;
  const known = visibleColumns.filter((id): id is string => typeof id === 'string' && columnIds.includes(id));
  if (known.length === 0) return null;
  return { pageSize, visibleColumns: known };
}
