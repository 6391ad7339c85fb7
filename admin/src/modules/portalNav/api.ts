import { api } from '../../core/api/client';
import type { PortalNav, PortalNavInput } from './types';

export const portalNavApi = {
  get: (signal?: AbortSignal) => api.get<PortalNav>('/portal/nav', { signal }),
  /** Replaces the whole navigation; site links left out are deleted, module sections stay. */
  put: (items: PortalNavInput[]) => api.put<PortalNav>('/portal/nav', { items }),
};
