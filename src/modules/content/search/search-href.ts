import type { SearchRequest } from './search-service.js';

/**
 * The one address of a search page: parameters in a fixed order, empty ones left out, page 1 without
 * `page`, so every result page has a stable URL that links, caches and bookmarks agree on.
 */
export function searchHref(r: SearchRequest, page: number): string {
  const params = new URLSearchParams();
  if (r.q) params.set('q', r.q);
  if (r.kind) params.set('kind', r.kind);
  if (r.category) params.set('category', r.category);
  if (r.type) params.set('type', r.type);
  if (r.organ) params.set('organ', r.organ);
  if (r.year) params.set('year', String(r.year));
  if (r.validity) params.set('validity', r.validity);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/search?${query}` : '/search';
}
