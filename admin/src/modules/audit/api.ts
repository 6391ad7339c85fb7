import { api } from '../../core/api/client';
import type { Page } from '../../core/api/types';
import type { AuditEntry, AuditQuery, ChainVerification } from './types';

export const auditApi = {
  list: (query: AuditQuery, signal?: AbortSignal) => api.get<Page<AuditEntry>>('/audit', { query: { ...query }, signal }),
  verify: () => api.get<ChainVerification>('/audit/verify'),
};
