import { api } from '../../core/api/client';
import type { Id, Page } from '../../core/api/types';
import type {
  CreateUserInput,
  Institution,
  Region,
  RevealableField,
  RoleGrantInput,
  UpdateUserInput,
  UserListQuery,
  UserSummary,
} from './types';

const userPath = (id: Id) => `/users/${encodeURIComponent(String(id))}`;

export const usersApi = {
  list: (query: UserListQuery, signal?: AbortSignal) =>
    api.get<Page<UserSummary>>('/users', { query: { ...query }, signal }),
  create: (input: CreateUserInput) =>
    api.post<{ user: UserSummary; initialPassword: string }>('/users', input),
  update: (id: Id, patch: UpdateUserInput) =>
    api.patch<UserSummary>(userPath(id), patch),
  setRoles: (id: Id, roles: RoleGrantInput[]) => api.put<UserSummary>(`${userPath(id)}/roles`, { roles }),
  disable: (id: Id) => api.post<UserSummary>(`${userPath(id)}/disable`, {}),
  enable: (id: Id) => api.post<UserSummary>(`${userPath(id)}/enable`, {}),
  resetPassword: (id: Id) => api.post<{ temporaryPassword: string }>(`${userPath(id)}/reset-password`, {}),
  /** The unmasked value; the server records the viewing in the audit log. */
  reveal: (id: Id, field: RevealableField) =>
    api.post<{ value: string | null }>(`${userPath(id)}/reveal`, { field }),
};

export const referenceApi = {
  regions: () => api.get<{ items: Region[] }>('/regions'),
  institutions: () => api.get<{ items: Institution[] }>('/institutions'),
};
