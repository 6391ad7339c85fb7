import { useMemo } from 'react';
import type { Page } from '../api/types';
import { useQuery, type QueryState } from '../api/useQuery';
import { useUrlListState, type FilterValues } from './useUrlState';

/** What a paged list asks for: its page and the filters in the URL. */
export type UrlListQuery<K extends string> = FilterValues<K> & { page: number; pageSize: number };

export interface UrlList<K extends string, Row> extends QueryState<Page<Row>> {
  filters: FilterValues<K>;
  page: number;
  pageSize: number;
  setFilters: (next: FilterValues<K>) => void;
  setPage: (page: number, pageSize: number) => void;
}

/**
 * A paged list whose filters and page live in the URL (see `useUrlListState`), loaded again whenever they change.
 * `keys` must be a constant.
 */
export function useUrlList<K extends string, Row>(
  keys: readonly K[],
  fetch: (query: UrlListQuery<K>, signal: AbortSignal) => Promise<Page<Row>>,
): UrlList<K, Row> {
  const { filters, page, pageSize, setFilters, setPage } = useUrlListState(keys);
  const query = useMemo(() => ({ page, pageSize, ...filters }) as UrlListQuery<K>, [page, pageSize, filters]);
  const result = useQuery(JSON.stringify(query), (signal) => fetch(query, signal));
  return { ...result, filters, page, pageSize, setFilters, setPage };
}
