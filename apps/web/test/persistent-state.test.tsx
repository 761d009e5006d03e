// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { usePersistentState } from '../src/components/persistent-state.ts';
import { sanitizeTablePreferences, type TablePreferences } from '../src/components/table-preferences.ts';

const columns = ['userName', 'path', 'arn'];
const defaults: TablePreferences = { pageSize: 25, visibleColumns: ['userName', 'path'] };
const sanitize = (stored: unknown) => sanitizeTablePreferences(stored, columns);

describe('table preferences in localStorage', () => {
  afterEach(() => {
    localStorage.clear();
    vi.restoreAllMocks();
  });

  it('survives a reload of the page', () => {
    const first = renderHook(() => usePersistentState('iam-console.table.users', defaults, sanitize));
    act(() => first.result.current[1]({ pageSize: 100, visibleColumns: ['userName', 'arn'] }));
    expect(first.result.current[0]).toEqual({ pageSize: 100, visibleColumns: ['userName', 'arn'] });
    first.unmount();

    const again = renderHook(() => usePersistentState('iam-console.table.users', defaults, sanitize));
    expect(again.result.current[0]).toEqual({ pageSize: 100, visibleColumns: ['userName', 'arn'] });
  });

  it('falls back to the defaults when what is stored is broken or stale', () => {
    localStorage.setItem('iam-console.table.users', '{not json');
    expect(renderHook(() => usePersistentState('iam-console.table.users', defaults, sanitize)).result.current[0]).toEqual(defaults);
    localStorage.setItem('iam-console.table.users', JSON.stringify({ pageSize: 13, visibleColumns: ['userName'] }));
    expect(renderHook(() => usePersistentState('iam-console.table.users', defaults, sanitize)).result.current[0]).toEqual(defaults);
  });

  it('keeps working in memory when storage refuses writes', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const hook = renderHook(() => usePersistentState('iam-console.table.users', defaults, sanitize));
    act(() => hook.result.current[1]({ pageSize: 50, visibleColumns: ['path'] }));
    expect(hook.result.current[0]).toEqual({ pageSize: 50, visibleColumns: ['path'] });
  });
});
