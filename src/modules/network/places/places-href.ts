import type { PlacesFilter } from './places-queries.js';

/** One URL per filter: parameters in a fixed order, empty ones left out, so listings cache and link stably. */
export function placesHref(filter: PlacesFilter): string {
  const params = new URLSearchParams();
  if (filter.town) params.set('town', filter.town);
  if (filter.village) params.set('village', filter.village);
  if (filter.kind) params.set('kind', filter.kind);
  const query = params.toString();
  return query ? `/places?${query}` : '/places';
}

export const placeHref = (id: string) => `/places/${id}`;
