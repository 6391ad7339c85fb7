import { api } from '../../core/api/client';

/** An institution photo as `/api/v1/network/institutions/:id/photos` lists it. */
export interface InstitutionPhoto {
  id: string;
  caption: string;
  url: string;
  sort: number;
  createdAt: string;
}

const base = (institutionId: string) => `/network/institutions/${institutionId}/photos`;

export const photosApi = {
  /** `max`: how many photos an institution may have. */
  list: (institutionId: string, signal?: AbortSignal) => api.get<{ items: InstitutionPhoto[]; max: number }>(base(institutionId), { signal }),
  upload: (institutionId: string, file: File, caption: string) => {
    const form = new FormData();
    // Text fields before the file: the server reads the parts in order.
    if (caption) form.append('caption', caption);
    form.append('file', file, file.name);
    return api.post<InstitutionPhoto>(base(institutionId), form);
  },
  remove: (institutionId: string, photoId: string) => api.delete<unknown>(`${base(institutionId)}/${photoId}`),
};
