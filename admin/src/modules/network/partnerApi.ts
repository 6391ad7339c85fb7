import { api } from '../../core/api/client';
import type { Page } from '../../core/api/types';
import type { Agreement, Contribution, PartnerDetail, PartnerFields, PartnerListQuery, PartnerSummary } from './partnerTypes';

const base = '/network/partners';

export const partnerApi = {
  list: (query: PartnerListQuery, signal?: AbortSignal) => api.get<Page<PartnerSummary>>(base, { query, signal }),
  get: (id: string, signal?: AbortSignal) => api.get<PartnerDetail>(`${base}/${id}`, { signal }),
  create: (body: PartnerFields) => api.post<PartnerDetail>(base, body),
  update: (id: string, version: number, body: Partial<PartnerFields>) => api.patch<PartnerDetail>(`${base}/${id}`, { ...body, version }),
  addContribution: (id: string, body: Omit<Contribution, 'id'>) => api.post<PartnerDetail>(`${base}/${id}/contributions`, body),
  removeContribution: (id: string, subId: string) => api.delete<unknown>(`${base}/${id}/contributions/${subId}`),
  addAgreement: (id: string, body: Omit<Agreement, 'id' | 'state' | 'daysLeft'>) => api.post<PartnerDetail>(`${base}/${id}/agreements`, body),
  removeAgreement: (id: string, subId: string) => api.delete<unknown>(`${base}/${id}/agreements/${subId}`),
};
