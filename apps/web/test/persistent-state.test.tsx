// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { usePersistentState } from '../src/components/persistent-state.ts';
import { sanitizeTablePreferences, type TablePreferences } from '../src/components/table-preferences.ts';

const columns = [
  { id: 'userName', visible: true },
  { id: 'path', visible: true },
  { id: 'arn', visible: false },
];
const defaults: TablePreferences = { pageSize: 25, contentDisplay: columns };
const reordered = (...visible: string[]) => [...visible.map((id) => ({ id, visible: true })), ...columns.filter(({ id }) => !visible.includes(id)).map(({ id }) => ({ id, visible: false }))];
const sanitize = (stored: unknown) => sanitizeTablePreferences(stored, columns);

describe('table preferences in localStorage', () => {
  afterEach(() => {
    localStorage.clear();
    vi.restoreAllMocks();
  });

  it('survives a reload of the page', () => {
    const first = renderHook(() => usePersistentState('iam-console.table.users', defaults, sanitize));
    act(() => first.result.current[1]({ pageSize: 100, contentDisplay: reordered('arn', 'userName') }));
    expect(first.result.current[0]).toEqual({ pageSize: 100, contentDisplay: reordered('arn', 'userName') });
    first.unmount();

    const again = renderHook(() => usePersistentState('iam-console.table.users', defaults, sanitize));
    expect(again.result.current[0]).toEqual({ pageSize: 100, contentDisplay: reordered('arn', 'userName') });
  });

  it('falls back to the defaults when what is stored is broken or stale', () => {
    localStorage.setItem('iam-console.table.users', '{not json');
    expect(renderHook(() => usePersistentState('iam-console.table.users', defaults, sanitize)).result.current[0]).toEqual(defaults);
    localStorage.setItem('iam-console.table.users', JSON.stringify({ pageSize: 13, contentDisplay: reordered('userName') }));
    expect(renderHook(() => usePersistentState('iam-console.table.users', defaults, sanitize)).result.current[0]).toEqual(defaults);
  });

  it('keeps working in memory when storage refuses writes', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const hook = renderHook(() => usePersistentState('iam-console.table.users', defaults, sanitize));
    act(() => hook.result.current[1]({ pageSize: 50, contentDisplay: reordered('path') }));
    expect(hook.result.current[0]).toEqual({ pageSize: 50, contentDisplay: reordered('path') });
  });
});
