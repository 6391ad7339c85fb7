import { api } from '../../core/api/client';
import type { Page } from '../../core/api/types';
import type { PeopleListQuery, Person, PersonFields } from './peopleTypes';

const base = '/network/people';

export const peopleApi = {
  list: (query: PeopleListQuery, signal?: AbortSignal) => api.get<Page<Person>>(base, { query, signal }),
  create: (body: PersonFields) => api.post<Person>(base, body),
  update: (id: string, version: number, body: Partial<PersonFields>) => api.patch<Person>(`${base}/${id}`, { ...body, version }),
  leave: (id: string, version: number) => api.post<Person>(`${base}/${id}/leave`, { version }),
  /** The full ID number; the server audits every call. */
  revealId: (id: string) => api.post<{ idNumber: string | null }>(`${base}/${id}/reveal`),
};
