import { useCallback, useState } from 'react';

/**
 * State kept in localStorage under `key`. A stored value that no longer fits (`sanitize` returns null),
 * or storage that is unavailable, falls back to `initial` instead of breaking the page.
 */
export function usePersistentState<T>(
  key: string,
  initial: T,
  sanitize: (stored: unknown) => T | null,
): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = globalThis.localStorage?.getItem(key);
      if (raw == null) return initial;
      return sanitize(JSON.parse(raw)) ?? initial;
    } catch {
      return initial;
    }
  });
  const update = useCallback(
    (next: T) => {
      setValue(next);
      try {
        globalThis.localStorage?.setItem(key, JSON.stringify(next));
      } catch {
        // Private mode or a full quota: the preference simply does not outlive the page.
      }
    },
    [key],
  );
  return [value, update];
}
