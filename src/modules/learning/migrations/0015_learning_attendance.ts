import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../../../core/db/migrations/helpers.js';

/**
 * Attendance, completion and certificates.
 *
 * - learning_attendance: one row per (session, resident); a later mark replaces the earlier one (tap, QR or staff).
 * - learning_assessments: pass/fail per enrolment for classes whose completion rule is 'assessment'.
 * - learning_completion_runs: when completion last ran for a class (the worker runs each ended class once).
 * - learning_certificates: one per enrolment (unique), so two completion runs at the same moment cannot issue two.
 *   `code` is the unguessable public key of /verify/<code>; `number` is the human serial, gap-free per institution
 *   and year, taken from learning_certificate_counters in the issuing transaction (a rolled-back issue gives its
 *   number back).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema.createTable('learning_attendance')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('learning_class_sessions.id'))
    .addColumn('class_id', 'text', (c) => c.notNull().references('learning_classes.id'))
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('learning_enrolments.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('present','absent','late','excused')`))
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('tap','qr','staff')`))
    .addColumn('marked_by', 'text', (c) => c.references('users.id'))
    .addColumn('marked_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('learning_attendance_once', ['session_id', 'user_id'])
    .execute();
  await db.schema.createIndex('learning_attendance_class').on('learning_attendance').columns(['class_id', 'user_id']).execute();
  await db.schema.createIndex('learning_attendance_user').on('learning_attendance').columns(['user_id', 'marked_at']).execute();

  await db.schema.createTable('learning_assessments')
    .addColumn('enrolment_id', 'text', (c) => c.primaryKey().references('learning_enrolments.id'))
    .addColumn('class_id', 'text', (c) => c.notNull().references('learning_classes.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('passed', 'integer', (c) => c.notNull().check(sql`passed in (0, 1)`))
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('recorded_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('learning_assessments_class').on('learning_assessments').column('class_id').execute();

  await db.schema.createTable('learning_completion_runs')
    .addColumn('class_id', 'text', (c) => c.primaryKey().references('learning_classes.id'))
    .addColumn('first_run_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_run_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_run_by', 'text', (c) => c.references('users.id'))
    .execute();

  await db.schema.createTable('learning_certificate_counters')
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_serial', 'integer', (c) => c.notNull().check(sql`last_serial >= 1`))
    .addPrimaryKeyConstraint('learning_certificate_counters_pk', ['institution_id', 'year'])
    .execute();

  await db.schema.createTable('learning_certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('serial', 'integer', (c) => c.notNull())
    .addColumn('enrolment_id', 'text', (c) => c.notNull().unique().references('learning_enrolments.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('class_id', 'text', (c) => c.notNull().references('learning_classes.id'))
    /** As printed on the day of issue: later renames of the person, class, course or institution do not change it. */
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('class_title', 'text', (c) => c.notNull())
    .addColumn('course_title', 'text', (c) => c.notNull())
    .addColumn('hours_tenths', 'integer', (c) => c.notNull())
    .addColumn('credits_tenths', 'integer', (c) => c.notNull())
    .addColumn('institution_name', 'text', (c) => c.notNull())
    .addColumn('owner_path', 'text', (c) => c.notNull())
    .addColumn('issued_at', t.timestamp, (c) => c.notNull())
    .addColumn('revoked_at', t.timestamp)
    .addColumn('revoke_reason', 'text')
    .addColumn('revoked_by', 'text', (c) => c.references('users.id'))
    .addUniqueConstraint('learning_certificates_serial', ['institution_id', 'year', 'serial'])
    .execute();
  await db.schema.createIndex('learning_certificates_user').on('learning_certificates').columns(['user_id', 'issued_at']).execute();
  await db.schema.createIndex('learning_certificates_class').on('learning_certificates').column('class_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['learning_certificates', 'learning_certificate_counters', 'learning_completion_runs',
    'learning_assessments', 'learning_attendance']) {
    await db.schema.dropTable(table).execute();
  }
}
