import { describe, expect, it } from 'vitest';
import { sanitizeTablePreferences } from '../src/components/table-preferences.ts';

describe('stored table preferences', () => {
  const columns = ['name', 'path', 'created'];
  it('keeps valid preferences and drops columns that no longer exist', () => {
    expect(sanitizeTablePreferences({ pageSize: 50, visibleColumns: ['name', 'gone', 'created'] }, columns)).toEqual({ pageSize: 50, visibleColumns: ['name', 'created'] });
  });
  it('refuses what would break the table', () => {
    expect(sanitizeTablePreferences(null, columns)).toBeNull();
    expect(sanitizeTablePreferences('x', columns)).toBeNull();
    expect(sanitizeTablePreferences({ pageSize: 7, visibleColumns: ['name'] }, columns)).toBeNull();
    expect(sanitizeTablePreferences({ pageSize: 10, visibleColumns: 'name' }, columns)).toBeNull();
    expect(sanitizeTablePreferences({ pageSize: 10, visibleColumns: ['gone'] }, columns)).toBeNull();
  });
});
