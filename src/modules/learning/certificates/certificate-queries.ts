import type { Kysely } from 'kysely';
import { maskName } from '../../../core/pii/mask.js';
import type { AttendanceDatabase, LearningCertificatesTable } from '../attendance/attendance-schema.js';

/** One certificate as the API and pages show it; `holderName` full only to the holder and staff. */
export function presentCertificate(c: LearningCertificatesTable, options: { masked: boolean }) {
  return {
    id: c.id, code: c.code, number: c.number, holderName: options.masked ? maskName(c.holder_name) : c.holder_name,
    classId: c.class_id, classTitle: c.class_title, courseTitle: c.course_title, hours: c.hours_tenths / 10, credits: c.credits_tenths / 10,
    institutionName: c.institution_name, issuedAt: c.issued_at, revokedAt: c.revoked_at, revokeReason: c.revoke_reason,
    valid: c.revoked_at === null,
  };
}
export type CertificateView = ReturnType<typeof presentCertificate>;

export function myCertificates(db: Kysely<AttendanceDatabase>, userId: string) {
  return db.selectFrom('learning_certificates').selectAll().where('user_id', '=', userId).orderBy('issued_at', 'desc').orderBy('id').limit(500).execute();
}

export function classCertificates(db: Kysely<AttendanceDatabase>, classId: string) {
  return db.selectFrom('learning_certificates').selectAll().where('class_id', '=', classId).orderBy('serial').execute();
}

export function certificateByCode(db: Kysely<AttendanceDatabase>, code: string) {
  return db.selectFrom('learning_certificates').selectAll().where('code', '=', code).executeTakeFirst();
}

export function certificateById(db: Kysely<AttendanceDatabase>, id: string) {
  return db.selectFrom('learning_certificates').selectAll().where('id', '=', id).executeTakeFirst();
}
