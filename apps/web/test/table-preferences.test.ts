import { describe, expect, it } from 'vitest';
import { sanitizeTablePreferences } from '../src/components/table-preferences.ts';

describe('stored table preferences', () => {
  const columns = [
    { id: 'name', visible: true },
    { id: 'path', visible: true },
    { id: 'created', visible: true },
    { id: 'arn', visible: false },
  ];

  it('keeps the order and visibility the person chose', () => {
    const contentDisplay = [
      { id: 'created', visible: true },
      { id: 'name', visible: true },
      { id: 'arn', visible: true },
      { id: 'path', visible: false },
    ];
    expect(sanitizeTablePreferences({ pageSize: 50, contentDisplay }, columns)).toEqual({ pageSize: 50, contentDisplay });
  });

  it('drops columns that no longer exist and adds new ones at the end as they show by default', () => {
    const stored = { pageSize: 25, contentDisplay: [{ id: 'path', visible: true }, { id: 'gone', visible: true }, { id: 'name', visible: true }, { id: 'path', visible: false }] };
    expect(sanitizeTablePreferences(stored, columns)?.contentDisplay).toEqual([
      { id: 'path', visible: true },
      { id: 'name', visible: true },
      { id: 'created', visible: true },
      { id: 'arn', visible: false },
    ]);
  });

  it('reads preferences saved before the order was kept', () => {
    expect(sanitizeTablePreferences({ pageSize: 50, visibleColumns: ['name', 'gone', 'arn'] }, columns)).toEqual({
      pageSize: 50,
      contentDisplay: [
        { id: 'name', visible: true },
        { id: 'path', visible: false },
        { id: 'created', visible: false },
        { id: 'arn', visible: true },
      ],
    });
  });

  it('refuses what would break the table', () => {
    expect(sanitizeTablePreferences(null, columns)).toBeNull();
    expect(sanitizeTablePreferences('x', columns)).toBeNull();
    expect(sanitizeTablePreferences({ pageSize: 7, contentDisplay: [{ id: 'name', visible: true }] }, columns)).toBeNull();
    expect(sanitizeTablePreferences({ pageSize: 10, contentDisplay: 'name' }, columns)).toBeNull();
    expect(sanitizeTablePreferences({ pageSize: 10, contentDisplay: [{ id: 'name' }] }, columns)).toBeNull();
    expect(sanitizeTablePreferences({ pageSize: 10, visibleColumns: ['gone'] }, columns)).toBeNull();
    expect(sanitizeTablePreferences({ pageSize: 10, contentDisplay: columns.map(({ id }) => ({ id, visible: false })) }, columns)).toBeNull();
  });
});
