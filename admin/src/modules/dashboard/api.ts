import { api } from '../../core/api/client';

export interface UserStats {
  byRole: { role: string; count: number }[];
}

export const dashboardApi = {
  userStats: (signal?: AbortSignal) => api.get<UserStats>('/users/stats', { signal }),
};
