import { api } from '../../core/api/client';

export interface SecuritySettings {
  mfaRequiredRoles: string[];
}

export const settingsApi = {
  getSecurity: (signal?: AbortSignal) => api.get<SecuritySettings>('/settings/security', { signal }),
  putSecurity: (body: SecuritySettings) => api.put<SecuritySettings>('/settings/security', body),
};
