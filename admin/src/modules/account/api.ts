import { api } from '../../core/api/client';

// A 401 here can mean "wrong password", so these calls do not end the session in the UI by themselves.
const noGuard = { sessionGuard: false } as const;

export interface OwnSession { id: string; current: boolean; createdAt: string; lastSeenAt: string; ip: string | null; userAgent: string | null }

export const accountApi = {
  sessions: (signal: AbortSignal) => api.get<{ items: OwnSession[] }>('/auth/sessions', { signal }),
  endSession: (id: string) => api.delete<void>(`/auth/sessions/${encodeURIComponent(id)}`),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<void>('/auth/password', { currentPassword, newPassword }, noGuard),
  mfaSetup: () => api.post<{ secret: string; otpauthUrl: string }>('/auth/mfa/setup', {}),
  mfaEnable: (code: string) => api.post<void>('/auth/mfa/enable', { code }, noGuard),
  mfaDisable: (password: string) => api.post<void>('/auth/mfa/disable', { password }, noGuard),
  /** Everything the platform holds about the signed-in account, unmasked; the server audits the export. */
  exportOwnData: (password: string) => api.post<Record<string, unknown>>('/auth/export', { password }, noGuard),
};
