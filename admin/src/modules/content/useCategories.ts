import { useQuery } from '../../core/api/useQuery';
import { categoriesApi } from './api';

/** The whole category tree (a flat list); small, so every page that needs it loads it. */
export function useCategories() {
  return useQuery('content-categories', (signal) => categoriesApi.list(signal).then((r) => r.items));
}
