import type { ClassesFilter } from './portal-queries.js';

/** The one address of a filtered, paged class listing (empty filters and page 1 left out). */
export function classesHref(f: ClassesFilter, page = f.page): string {
  const params = new URLSearchParams();
  for (const key of ['town', 'village', 'category', 'day', 'seats', 'term'] as const) if (f[key]) params.set(key, f[key]);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/classes?${query}` : '/classes';
}
