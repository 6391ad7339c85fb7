import { API_BASE, api } from '../../core/api/client';
import type { ImportJob, ImportKind, ImportSummary } from './importTypes';

const base = '/network/imports';

export const importApi = {
  /** A plain link: the browser downloads the .xlsx with the session cookie. */
  templateUrl: (kind: ImportKind) => `${API_BASE}${base}/templates/${kind}`,
  upload: (kind: ImportKind, file: File) => {
    const form = new FormData();
    // The kind first: the server reads the parts in order.
    form.append('kind', kind);
    form.append('file', file, file.name);
    return api.post<ImportSummary>(base, form);
  },
  get: (id: string, signal?: AbortSignal) => api.get<ImportJob>(`${base}/${id}`, { signal }),
  commit: (id: string) => api.post<ImportSummary>(`${base}/${id}/commit`),
  recent: (signal?: AbortSignal) => api.get<{ items: ImportSummary[] }>(base, { signal }),
};
