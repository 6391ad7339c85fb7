import { api, type Query } from '../../../core/api/client';

export const CATEGORIES = ['science', 'culture_civic', 'employment', 'income', 'health', 'arts', 'digital', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Term { id: string; name: string; startsOn: string; endsOn: string; enrolLimit: number; previousTermId: string | null; createdAt: string }
export interface TermFields { name: string; startsOn: string; endsOn: string; enrolLimit: number; previousTermId: string | null }

export interface Course {
  id: string; institutionId: string; institutionName: string; title: string; category: Category; description: string; audience: string;
  hours: number; credits: number; teacherUserId: string | null; teacherName: string | null; status: 'draft' | 'published' | 'archived';
  version: number; createdAt: string; updatedAt: string;
}
export interface CourseFields {
  institutionId?: string; title: string; category: Category; description: string; audience: string; hours: number; credits: number;
  teacherUserId: string | null;
}

export type ClassStatus = 'draft' | 'open' | 'cancelled' | 'finished';
export interface LearningClass {
  id: string; courseId: string; courseTitle: string; category: Category; institutionId: string; institutionName: string;
  townId: string; townName: string; termId: string; termName: string; title: string; teacherUserId: string | null; teacherName: string | null;
  scheduleKind: 'weekly' | 'dates'; weekdays: number[]; startTime: string; endTime: string; startsOn: string; endsOn: string;
  scheduleLabel: string; venue: string; seats: number; seatsTaken: number; feeFen: number; ageMin: number | null; ageMax: number | null;
  residencyRegionId: string | null; residencyRegionName: string | null; prerequisiteCourseId: string | null; mode: 'first_come' | 'lottery';
  returningOpensAt: string | null; enrolOpensAt: string; enrolClosesAt: string; offerHours: number; completionRule: 'attendance' | 'assessment';
  completionThreshold: number; status: ClassStatus; cancelReason: string | null; version: number; createdAt: string; updatedAt: string;
}
export interface ClassFields {
  courseId?: string; termId?: string; title: string; teacherUserId: string | null; scheduleKind: 'weekly' | 'dates';
  weekdays?: number[]; dates?: string[]; startsOn?: string; endsOn?: string; startTime: string; endTime: string; venue: string;
  seats: number; feeFen: number; ageMin: number | null; ageMax: number | null; residencyRegionId: string | null;
  prerequisiteCourseId: string | null; mode: 'first_come' | 'lottery'; returningOpensAt: string | null; enrolOpensAt: string;
  enrolClosesAt: string; offerHours: number; completionRule: 'attendance' | 'assessment'; completionThreshold: number;
}
export interface Session { id: string; seq: number; startsAt: string; endsAt: string; status: string }
export interface Page<T> { items: T[]; total: number; page: number; pageSize: number }

const B = '/learning';

export const catalogueApi = {
  terms: (signal?: AbortSignal) => api.get<{ items: Term[] }>(`${B}/terms`, { signal }),
  createTerm: (body: TermFields) => api.post<Term>(`${B}/terms`, body),
  updateTerm: (id: string, body: Partial<TermFields>) => api.patch<Term>(`${B}/terms/${id}`, body),
  courses: (query: Query, signal?: AbortSignal) => api.get<Page<Course>>(`${B}/courses`, { query, signal }),
  createCourse: (body: CourseFields) => api.post<Course>(`${B}/courses`, body),
  updateCourse: (id: string, version: number, body: Partial<CourseFields>) => api.patch<Course>(`${B}/courses/${id}`, { version, ...body }),
  setCourseStatus: (id: string, version: number, action: 'publish' | 'archive') => api.post<Course>(`${B}/courses/${id}/${action}`, { version }),
  teachers: (institutionId: string, signal?: AbortSignal) => api.get<{ items: Array<{ id: string; displayName: string }> }>(`${B}/teachers`, { query: { institutionId }, signal }),
  classes: (query: Query, signal?: AbortSignal) => api.get<Page<LearningClass>>(`${B}/classes`, { query, signal }),
  getClass: (id: string, signal?: AbortSignal) => api.get<LearningClass>(`${B}/classes/${id}`, { signal }),
  sessions: (id: string, signal?: AbortSignal) => api.get<{ items: Session[] }>(`${B}/classes/${id}/sessions`, { signal }),
  createClass: (body: ClassFields) => api.post<LearningClass>(`${B}/classes`, body),
  updateClass: (id: string, version: number, body: Partial<ClassFields>) => api.patch<LearningClass>(`${B}/classes/${id}`, { version, ...body }),
  openClass: (id: string, version: number) => api.post<LearningClass>(`${B}/classes/${id}/open`, { version }),
  cancelClass: (id: string, version: number, reason: string) => api.post<LearningClass>(`${B}/classes/${id}/cancel`, { version, reason }),
};

const SHANGHAI = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

/** 2026-09-01T08:00 (for a datetime-local input) from an instant, in Shanghai time. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const p = Object.fromEntries(SHANGHAI.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour === '24' ? '00' : p.hour}:${p.minute}`;
}

/** The instant of a datetime-local value read as Shanghai time. */
export function fromLocalInput(value: string): string {
  return `${value}:00+08:00`;
}

/** 2026-09-01 08:00 in Shanghai time. */
export function shanghaiText(iso: string): string {
  return toLocalInput(iso).replace('T', ' ');
}

/** ¥120.00, or 免费 / Free. */
export function feeText(fen: number, free: string): string {
  return fen === 0 ? free : `¥${(fen / 100).toFixed(2)}`;
}
