import { api } from '../../core/api/client';
import type { Indicator } from './gapTypes';
import type { AccreditationLevel } from './types';
import type {
  CreateStandardFields, EvidenceFile, IndicatorValueEntry, IndicatorValuesResponse, StandardDetail, StandardSummary,
} from './standardsTypes';

const institutions = '/network/institutions';

export const standardsApi = {
  indicators: (signal?: AbortSignal) => api.get<{ items: Indicator[] }>('/network/indicators', { signal }),
  list: (query: { tier?: string; levelId?: string }, signal?: AbortSignal) =>
    api.get<{ items: StandardSummary[] }>('/network/standards', { query, signal }),
  get: (id: string, signal?: AbortSignal) => api.get<StandardDetail>(`/network/standards/${id}`, { signal }),
  create: (body: CreateStandardFields) => api.post<StandardDetail>('/network/standards', body),
  renameLevel: (id: string, body: { nameZh: string; nameEn: string }) =>
    api.patch<AccreditationLevel>(`/network/accreditation/levels/${id}`, body),
};

export const indicatorValuesApi = {
  get: (institutionId: string, signal?: AbortSignal) =>
    api.get<IndicatorValuesResponse>(`${institutions}/${institutionId}/indicators`, { signal }),
  /** All or nothing; each entry carries the version it was read at (409 when stale). */
  put: (institutionId: string, values: IndicatorValueEntry[]) =>
    api.put<IndicatorValuesResponse>(`${institutions}/${institutionId}/indicators`, { values }),
  uploadEvidence: (institutionId: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.post<EvidenceFile>(`${institutions}/${institutionId}/evidence`, form);
  },
  evidenceUrl: (institutionId: string, fileId: string) => `/api/v1${institutions}/${institutionId}/evidence/${fileId}`,
};
