import { api } from '../../../core/api/client';

export type PriorityRule =
  | { rule: 'never_enrolled' } | { rule: 'resident_of_town' } | { rule: 'returning_student' } | { rule: 'age_at_least'; age: number };
export const RULE_KINDS = ['never_enrolled', 'resident_of_town', 'returning_student', 'age_at_least'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export interface DrawSummary { applicants: number; seatsFree: number; winners: number; waitlisted: number }
export interface StaffLottery {
  classId: string; title: string; mode: 'first_come' | 'lottery'; status: string; seats: number; seatsTaken: number;
  enrolOpensAt: string; enrolClosesAt: string;
  lottery: null | {
    algorithm: string; seedHash: string; committedAt: string; priorityGroups: PriorityRule[]; drawnAt: string | null; seed: string | null;
    byGroup: Array<{ group: number; applied: number; won: number; lost: number }>; withdrawn: number; summary: DrawSummary | null;
  };
}

const B = '/learning';

export const lotteryApi = {
  get: (classId: string, signal?: AbortSignal) => api.get<StaffLottery>(`${B}/classes/${classId}/lottery`, { signal }),
  configure: (classId: string, priorityGroups: PriorityRule[]) => api.put<StaffLottery>(`${B}/classes/${classId}/lottery`, { priorityGroups }),
  draw: (classId: string) => api.post<DrawSummary>(`${B}/classes/${classId}/lottery/draw`, {}),
};
