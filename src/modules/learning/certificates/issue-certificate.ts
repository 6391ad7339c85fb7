import { sql } from 'kysely';
import { newId } from '../../../core/ids.js';
import { shanghaiDateOf } from '../catalogue/schedule.js';
import type { AttendanceTrx } from '../attendance/attendance-schema.js';
import { certificateNumber, newCertificateCode } from './certificate-code.js';

export interface CertificateFacts {
  enrolmentId: string; userId: string; holderName: string; classId: string; classTitle: string; courseTitle: string;
  hoursTenths: number; creditsTenths: number; institutionId: string; institutionName: string; ownerPath: string;
}

/**
 * The next serial of an institution's year, in the caller's transaction: the counter row is created or bumped by one
 * statement (the row lock on PostgreSQL, the single writer on SQLite order concurrent issuers), and a rolled-back
 * transaction takes its increment with it, so the numbers have no gaps.
 */
async function nextSerial(trx: AttendanceTrx, institutionId: string, year: number): Promise<number> {
  const row = await trx.insertInto('learning_certificate_counters').values({ institution_id: institutionId, year, last_serial: 1 })
    .onConflict((oc) => oc.columns(['institution_id', 'year']).doUpdateSet({ last_serial: sql<number>`learning_certificate_counters.last_serial + 1` }))
    .returning('last_serial').executeTakeFirstOrThrow();
  return Number(row.last_serial);
}

/** Issues the certificate of one completed enrolment (the unique enrolment_id refuses a second one). */
export async function issueCertificate(trx: AttendanceTrx, now: Date, f: CertificateFacts) {
  const year = Number(shanghaiDateOf(now).slice(0, 4));
  const serial = await nextSerial(trx, f.institutionId, year);
  const row = {
    id: newId(), code: newCertificateCode(), number: certificateNumber(f.institutionId, year, serial), institution_id: f.institutionId,
    year, serial, enrolment_id: f.enrolmentId, user_id: f.userId, class_id: f.classId, holder_name: f.holderName,
    class_title: f.classTitle, course_title: f.courseTitle, hours_tenths: f.hoursTenths, credits_tenths: f.creditsTenths,
    institution_name: f.institutionName, owner_path: f.ownerPath, issued_at: now.toISOString(), revoked_at: null,
    revoke_reason: null, revoked_by: null,
  };
  await trx.insertInto('learning_certificates').values(row).execute();
  return row;
}
