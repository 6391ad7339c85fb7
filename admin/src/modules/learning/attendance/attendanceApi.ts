import { api } from '../../../core/api/client';

export type AttendanceStatus = 'present' | 'absent' | 'late' | 'excused';
export const ATTENDANCE_STATUSES: AttendanceStatus[] = ['present', 'late', 'excused', 'absent'];

export interface Sheet {
  classId: string; completionRule: 'attendance' | 'assessment'; completionThreshold: number; held: number;
  sessions: { id: string; seq: number; startsAt: string; endsAt: string; status: string; held: boolean }[];
  residents: { userId: string; name: string; enrolmentId: string; enrolmentStatus: string; attended: number; rate: number | null; passed: boolean | null }[];
  marks: { sessionId: string; userId: string; status: AttendanceStatus; method: 'tap' | 'qr' | 'staff' }[];
}
export interface Certificate {
  id: string; code: string; number: string; holderName: string; classTitle: string; courseTitle: string; hours: number; credits: number;
  institutionName: string; issuedAt: string; revokedAt: string | null; revokeReason: string | null; valid: boolean;
}

const B = '/learning';

export const attendanceApi = {
  sheet: (classId: string, signal?: AbortSignal) => api.get<Sheet>(`${B}/classes/${classId}/attendance`, { signal }),
  mark: (sessionId: string, marks: { userId: string; status: AttendanceStatus }[]) => api.put<unknown>(`${B}/sessions/${sessionId}/attendance`, { marks }),
  complete: (classId: string) => api.post<{ completed: number }>(`${B}/classes/${classId}/completion`),
  assess: (classId: string, items: { enrolmentId: string; passed: boolean }[]) => api.put<void>(`${B}/classes/${classId}/assessments`, { items }),
  certificates: (classId: string, signal?: AbortSignal) => api.get<{ items: Certificate[] }>(`${B}/classes/${classId}/certificates`, { signal }),
  revoke: (id: string, reason: string) => api.post<Certificate>(`${B}/certificates/${id}/revoke`, { reason }),
};
