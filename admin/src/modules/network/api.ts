import { api } from '../../core/api/client';
import type { Page } from '../../core/api/types';
import type { Accreditation, AccreditationLevel, InstitutionFields, InstitutionListQuery, NetworkInstitution, SetAccreditationFields } from './types';

const base = '/network/institutions';

export const institutionsApi = {
  list: (query: InstitutionListQuery, signal?: AbortSignal) =>
    api.get<Page<NetworkInstitution>>(base, { query, signal }),
  get: (id: string, signal?: AbortSignal) => api.get<NetworkInstitution>(`${base}/${id}`, { signal }),
  create: (body: InstitutionFields) => api.post<NetworkInstitution>(base, body),
  /** `version` is the one the form was loaded with: a stale one gets 409. */
  update: (id: string, version: number, body: Partial<InstitutionFields>) =>
    api.patch<NetworkInstitution>(`${base}/${id}`, { ...body, version }),
  retire: (id: string, version: number) => api.post<NetworkInstitution>(`${base}/${id}/retire`, { version }),
};

export const accreditationApi = {
  levels: (signal?: AbortSignal) => api.get<{ items: AccreditationLevel[] }>('/network/accreditation/levels', { signal }),
  get: (institutionId: string, signal?: AbortSignal) => api.get<Accreditation>(`${base}/${institutionId}/accreditation`, { signal }),
  set: (institutionId: string, body: SetAccreditationFields) => api.put<Accreditation>(`${base}/${institutionId}/accreditation`, body),
};
