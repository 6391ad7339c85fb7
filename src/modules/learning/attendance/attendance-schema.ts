import type { Kysely, Transaction } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import type { EnrolmentDatabase } from '../enrolment/enrolment-schema.js';

/** Row types of migration 0015_learning_attendance (attendance, assessments, completion runs, certificates). */
export const ATTENDANCE_STATUSES = ['present', 'absent', 'late', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export type AttendanceMethod = 'tap' | 'qr' | 'staff';
/** Marks that count as having attended a session (for the completion rule and the resident's record). */
export const ATTENDED: readonly AttendanceStatus[] = ['present', 'late'];

export interface LearningAttendanceTable {
  id: string;
  session_id: string;
  class_id: string;
  enrolment_id: string;
  user_id: string;
  status: AttendanceStatus;
  method: AttendanceMethod;
  marked_by: string | null;
  marked_at: string;
}

export interface LearningAssessmentsTable {
  enrolment_id: string;
  class_id: string;
  user_id: string;
  passed: number;
  recorded_by: string | null;
  recorded_at: string;
}

export interface LearningCompletionRunsTable {
  class_id: string;
  first_run_at: string;
  last_run_at: string;
  last_run_by: string | null;
}

export interface LearningCertificateCountersTable {
  institution_id: string;
  year: number;
  last_serial: number;
}

export interface LearningCertificatesTable {
  id: string;
  code: string;
  number: string;
  institution_id: string;
  year: number;
  serial: number;
  enrolment_id: string;
  user_id: string;
  class_id: string;
  holder_name: string;
  class_title: string;
  course_title: string;
  hours_tenths: number;
  credits_tenths: number;
  institution_name: string;
  owner_path: string;
  issued_at: string;
  revoked_at: string | null;
  revoke_reason: string | null;
  revoked_by: string | null;
}

export interface AttendanceDatabase extends EnrolmentDatabase {
  learning_attendance: LearningAttendanceTable;
  learning_assessments: LearningAssessmentsTable;
  learning_completion_runs: LearningCompletionRunsTable;
  learning_certificate_counters: LearningCertificateCountersTable;
  learning_certificates: LearningCertificatesTable;
}

export type AttendanceTrx = Transaction<AttendanceDatabase>;

export function attendanceDb(core: Pick<CoreContext, 'db'>): Kysely<AttendanceDatabase> {
  return core.db as unknown as Kysely<AttendanceDatabase>;
}
