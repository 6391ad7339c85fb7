import { institutionsApi } from './api';
import type { InstitutionTier, NetworkInstitution } from './types';

export interface NetworkCounts {
  byTier: Record<InstitutionTier, number>;
  /** Town name → institutions per tier, towns in the order first seen (the list's own order). */
  byTown: { town: string; counts: Record<InstitutionTier, number> }[];
}

const PAGE = 100;

/** Every active institution in scope, fetched 100 at a time (the list's largest page). */
export async function loadAllActive(signal: AbortSignal): Promise<NetworkInstitution[]> {
  const all: NetworkInstitution[] = [];
  for (let page = 1; ; page++) {
    const batch = await institutionsApi.list({ page, pageSize: PAGE, status: 'active' }, signal);
    all.push(...batch.items);
    if (batch.items.length === 0 || all.length >= batch.total) return all;
  }
}

/** Counts institutions by tier and by town and tier. */
export function countInstitutions(items: readonly NetworkInstitution[]): NetworkCounts {
  const zero = (): Record<InstitutionTier, number> => ({ center: 0, base: 0, supplementary: 0 });
  const byTier = zero();
  const towns = new Map<string, Record<InstitutionTier, number>>();
  for (const i of items) {
    byTier[i.tier] += 1;
    const row = towns.get(i.town.name) ?? zero();
    row[i.tier] += 1;
    towns.set(i.town.name, row);
  }
  return { byTier, byTown: [...towns].map(([town, counts]) => ({ town, counts })) };
}
