import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
export const PAGE_SIZE_OPTIONS = [20, 50, 100];

function positiveInt(raw: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? Math.min(n, max) : fallback;
}

export type FilterValues<K extends string> = Partial<Record<K, string>>;

/**
 * List filters and pagination kept in the URL, so a list can be reloaded, shared and navigated with the
 * back button. Changing a filter returns to page 1. `keys` must be a constant (declared outside the component).
 */
export function useUrlListState<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();

  const filters = useMemo(() => {
    const out: FilterValues<K> = {};
    for (const key of keys) {
      const value = params.get(key);
      if (value) out[key] = value;
    }
    return out;
  }, [params, keys]);

  const page = positiveInt(params.get('page'), 1);
  const pageSize = positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);

  const setFilters = useCallback(
    (next: FilterValues<K>) => {
      setParams((prev) => {
        const out = new URLSearchParams();
        for (const [key, value] of Object.entries(next)) {
          if (typeof value === 'string' && value.trim() !== '') out.set(key, value.trim());
        }
        const size = prev.get('pageSize');
        if (size) out.set('pageSize', size);
        return out;
      });
    },
    [setParams],
  );

  const setPage = useCallback(
    (nextPage: number, nextSize: number) => {
      setParams((prev) => {
        const out = new URLSearchParams(prev);
        const sizeChanged = nextSize !== positiveInt(prev.get('pageSize'), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        const p = sizeChanged ? 1 : nextPage;
        if (p > 1) out.set('page', String(p));
        else out.delete('page');
        if (nextSize !== DEFAULT_PAGE_SIZE) out.set('pageSize', String(Math.min(nextSize, MAX_PAGE_SIZE)));
        else out.delete('pageSize');
        return out;
      });
    },
    [setParams],
  );

  return { filters, page, pageSize, setFilters, setPage };
}
