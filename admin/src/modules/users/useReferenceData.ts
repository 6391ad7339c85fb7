import { useQuery } from '../../core/api/useQuery';
import { referenceApi } from './api';
import type { Institution, Region } from './types';

// Regions and institutions change rarely; load them once per page load and share the answer.
let regionsPromise: Promise<Region[]> | null = null;
let institutionsPromise: Promise<Institution[]> | null = null;

function loadRegions(): Promise<Region[]> {
  regionsPromise ??= referenceApi.regions().then(
    (r) => r.items,
    (error: unknown) => {
      regionsPromise = null;
      throw error;
    },
  );
  return regionsPromise;
}

function loadInstitutions(): Promise<Institution[]> {
  institutionsPromise ??= referenceApi.institutions().then(
    (r) => r.items,
    (error: unknown) => {
      institutionsPromise = null;
      throw error;
    },
  );
  return institutionsPromise;
}

export function useRegions() {
  return useQuery('regions', loadRegions);
}

/** Pass `enabled = false` to skip the request until it is needed. */
export function useInstitutions(enabled = true) {
  return useQuery(enabled ? 'institutions' : null, loadInstitutions);
}
