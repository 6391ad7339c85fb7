import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../../../core/db/migrations/helpers.js';

/**
 * Courses, terms, classes and their sessions, and enrolment (first come with a waitlist and seat offers).
 *
 * Invariants the enrolment code keeps with conditional updates inside one transaction:
 * - learning_classes.seats_taken = enrolled + offered enrolments of the class, never above seats;
 * - learning_term_quotas.used = the user's enrolled + offered + waitlisted enrolments in the term, never above the
 *   term's limit;
 * - one learning_enrolments row per (class, user): a re-enrolment after cancelling reuses the row.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema.createTable('learning_terms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    /** How many classes one resident may hold (enrolled, offered or waitlisted) in the term. */
    .addColumn('enrol_limit', 'integer', (c) => c.notNull().defaultTo(3).check(sql`enrol_limit between 1 and 50`))
    /** The term before this one: its students may re-enrol (续报) early. */
    .addColumn('previous_term_id', 'text', (c) => c.references('learning_terms.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema.createTable('learning_courses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    /** The institution's scope path, so scope filters are a prefix test. */
    .addColumn('owner_path', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull().check(sql`category in ('science','culture_civic','employment','income','health','arts','digital','other')`))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('audience', 'text', (c) => c.notNull().defaultTo(''))
    /** Class hours (学时) in tenths, credits (学分) in tenths: exact sums, no floating point. */
    .addColumn('hours_tenths', 'integer', (c) => c.notNull().check(sql`hours_tenths >= 0`))
    .addColumn('credits_tenths', 'integer', (c) => c.notNull().defaultTo(0).check(sql`credits_tenths >= 0`))
    .addColumn('teacher_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft','published','archived')`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('learning_courses_owner').on('learning_courses').columns(['owner_path', 'status']).execute();

  await db.schema.createTable('learning_classes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('learning_courses.id'))
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('owner_path', 'text', (c) => c.notNull())
    /** The town of the institution, denormalised for the portal's "near home" filter. */
    .addColumn('town_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('term_id', 'text', (c) => c.notNull().references('learning_terms.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('teacher_user_id', 'text', (c) => c.references('users.id'))
    /** 'weekly': weekdays (ISO 1–7, comma separated) between starts_on and ends_on; 'dates': the listed sessions only. */
    .addColumn('schedule_kind', 'text', (c) => c.notNull().check(sql`schedule_kind in ('weekly','dates')`))
    .addColumn('weekdays', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('venue', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('seats', 'integer', (c) => c.notNull().check(sql`seats between 1 and 100000`))
    .addColumn('seats_taken', 'integer', (c) => c.notNull().defaultTo(0))
    /** The next waitlist position to hand out; positions only grow, so the order is the order of arrival. */
    .addColumn('waitlist_next', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('fee_fen', 'integer', (c) => c.notNull().defaultTo(0).check(sql`fee_fen >= 0`))
    .addColumn('age_min', 'integer')
    .addColumn('age_max', 'integer')
    /** Only residents of this region (a town or village) may enrol; null = anyone in the city. */
    .addColumn('residency_region_id', 'text', (c) => c.references('regions.id'))
    /** Enrolment requires having completed this course before. */
    .addColumn('prerequisite_course_id', 'text', (c) => c.references('learning_courses.id'))
    .addColumn('mode', 'text', (c) => c.notNull().defaultTo('first_come').check(sql`mode in ('first_come','lottery')`))
    /** 续报: from returning_opens_at until enrol_opens_at only last term's students of the same course may enrol. */
    .addColumn('returning_opens_at', t.timestamp)
    .addColumn('enrol_opens_at', t.timestamp, (c) => c.notNull())
    .addColumn('enrol_closes_at', t.timestamp, (c) => c.notNull())
    /** How long a waitlisted resident has to confirm an offered seat. */
    .addColumn('offer_hours', 'integer', (c) => c.notNull().defaultTo(48).check(sql`offer_hours between 1 and 336`))
    .addColumn('completion_rule', 'text', (c) => c.notNull().defaultTo('attendance').check(sql`completion_rule in ('attendance','assessment')`))
    /** Minimum attendance in percent for the attendance rule. */
    .addColumn('completion_threshold', 'integer', (c) => c.notNull().defaultTo(75).check(sql`completion_threshold between 0 and 100`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft','open','cancelled','finished')`))
    .addColumn('cancel_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addCheckConstraint('learning_classes_seats_cap', sql`seats_taken >= 0 and seats_taken <= seats`)
    .execute();
  await db.schema.createIndex('learning_classes_browse').on('learning_classes').columns(['status', 'town_id', 'term_id']).execute();
  await db.schema.createIndex('learning_classes_owner').on('learning_classes').columns(['owner_path', 'status']).execute();
  await db.schema.createIndex('learning_classes_course').on('learning_classes').column('course_id').execute();
  await db.schema.createIndex('learning_classes_teacher').on('learning_classes').column('teacher_user_id').execute();

  await db.schema.createTable('learning_class_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('class_id', 'text', (c) => c.notNull().references('learning_classes.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('starts_at', t.timestamp, (c) => c.notNull())
    .addColumn('ends_at', t.timestamp, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('scheduled').check(sql`status in ('scheduled','cancelled')`))
    .addUniqueConstraint('learning_class_sessions_seq', ['class_id', 'seq'])
    .execute();
  await db.schema.createIndex('learning_class_sessions_time').on('learning_class_sessions').columns(['class_id', 'starts_at']).execute();

  await db.schema.createTable('learning_enrolments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('class_id', 'text', (c) => c.notNull().references('learning_classes.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('term_id', 'text', (c) => c.notNull().references('learning_terms.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('enrolled','waitlisted','offered','cancelled','expired','completed')`))
    /** Position on the waitlist (from learning_classes.waitlist_next); kept after promotion for the record. */
    .addColumn('waitlist_seq', 'integer')
    .addColumn('offered_at', t.timestamp)
    .addColumn('offer_expires_at', t.timestamp)
    .addColumn('enrolled_at', t.timestamp)
    .addColumn('cancelled_at', t.timestamp)
    .addColumn('completed_at', t.timestamp)
    /** online (the resident), proxy (代办: someone else with the resident's consent), staff (by the institution), lottery. */
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('online','proxy','staff','lottery')`))
    .addColumn('acted_by', 'text', (c) => c.references('users.id'))
    .addColumn('consent_method', 'text', (c) => c.check(sql`consent_method in ('in_person','phone','written','video')`))
    .addColumn('consent_note', 'text')
    .addColumn('consent_at', t.timestamp)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('learning_enrolments_once', ['class_id', 'user_id'])
    .execute();
  await db.schema.createIndex('learning_enrolments_class_status').on('learning_enrolments').columns(['class_id', 'status', 'waitlist_seq']).execute();
  await db.schema.createIndex('learning_enrolments_user').on('learning_enrolments').columns(['user_id', 'term_id']).execute();
  await db.schema.createIndex('learning_enrolments_offers').on('learning_enrolments').columns(['status', 'offer_expires_at']).execute();

  /** Every step of an enrolment (enrol, waitlist, offer, confirm, expire, cancel, proxy), for the resident's record. */
  await db.schema.createTable('learning_enrolment_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('learning_enrolments.id'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('learning_enrolment_events_enrolment').on('learning_enrolment_events').columns(['enrolment_id', 'at']).execute();

  await db.schema.createTable('learning_term_quotas')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('term_id', 'text', (c) => c.notNull().references('learning_terms.id'))
    .addColumn('used', 'integer', (c) => c.notNull().defaultTo(0).check(sql`used >= 0`))
    .addPrimaryKeyConstraint('learning_term_quotas_pk', ['user_id', 'term_id'])
    .execute();

  /** 代办 by a family member: staff record the senior's standing consent for one relative's account to enrol them. */
  await db.schema.createTable('learning_proxy_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('resident_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('proxy_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('consent_method', 'text', (c) => c.notNull().check(sql`consent_method in ('in_person','phone','written','video')`))
    .addColumn('consent_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('consent_at', t.timestamp, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('revoked_at', t.timestamp)
    .execute();
  await db.schema.createIndex('learning_proxy_links_pair').on('learning_proxy_links').columns(['proxy_user_id', 'resident_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['learning_proxy_links', 'learning_term_quotas', 'learning_enrolment_events', 'learning_enrolments', 'learning_class_sessions',
    'learning_classes', 'learning_courses', 'learning_terms']) {
    await db.schema.dropTable(table).execute();
  }
}
