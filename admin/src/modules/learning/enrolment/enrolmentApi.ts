import { api } from '../../../core/api/client';

export type EnrolmentStatus = 'enrolled' | 'waitlisted' | 'offered' | 'cancelled' | 'expired' | 'completed';
export type ConsentMethod = 'in_person' | 'phone' | 'written' | 'video';
export const CONSENT_METHODS: ConsentMethod[] = ['in_person', 'phone', 'written', 'video'];
export const ENROLMENT_STATUSES: EnrolmentStatus[] = ['enrolled', 'offered', 'waitlisted', 'cancelled', 'expired', 'completed'];

export interface RosterItem {
  id: string; userId: string; name: string; status: EnrolmentStatus; idNumber: string | null; phone: string | null;
  waitlistSeq: number | null; waitlistPosition: number | null; source: string; actedByName: string | null;
  consentMethod: ConsentMethod | null; consentAt: string | null; enrolledAt: string | null; offerExpiresAt: string | null;
  createdAt: string; version: number;
}
export interface Roster {
  classId: string; title: string; seats: number; seatsTaken: number; counts: Record<EnrolmentStatus, number>;
  items: RosterItem[]; total: number; page: number; pageSize: number;
}
export interface Consent { method: ConsentMethod; note: string; at: string }
export interface ProxyLink {
  id: string; residentId: string; residentName: string; proxyUserId: string; proxyName: string; proxyUsername: string;
  consentMethod: ConsentMethod; consentNote: string; consentAt: string; createdAt: string; revokedAt: string | null;
}

const B = '/learning';

export const enrolmentApi = {
  roster: (classId: string, query: { status?: EnrolmentStatus; page: number; pageSize: number }, signal?: AbortSignal) =>
    api.get<Roster>(`${B}/classes/${classId}/enrolments`, { query, signal }),
  cancel: (id: string) => api.post<void>(`${B}/enrolments/${id}/cancel`, {}),
  proxyEnrol: (classId: string, body: { idNumber?: string; userId?: string; consent: Consent }) =>
    api.post<{ id: string; status: 'enrolled' | 'waitlisted'; waitlistPosition?: number }>(`${B}/classes/${classId}/enrolments/proxy`, body),
  proxyLinks: (signal?: AbortSignal) => api.get<{ items: ProxyLink[] }>(`${B}/proxy-links`, { signal }),
  createProxyLink: (body: { idNumber?: string; userId?: string; proxyUsername: string; consent: Consent }) => api.post<{ id: string }>(`${B}/proxy-links`, body),
  revokeProxyLink: (id: string) => api.post<void>(`${B}/proxy-links/${id}/revoke`, {}),
};
