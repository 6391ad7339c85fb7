import { api } from '../../core/api/client';
import type { GapMatrix, GapReport } from './gapTypes';

export const gapApi = {
  matrix: (query: { tier?: string; town?: string }, signal?: AbortSignal) => api.get<GapMatrix>('/network/gap-matrix', { query, signal }),
  report: (institutionId: string, signal?: AbortSignal) => api.get<GapReport>(`/network/institutions/${institutionId}/gaps`, { signal }),
};
