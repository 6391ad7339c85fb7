import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../../../core/db/migrations/helpers.js';

/**
 * Enrolment by lottery (摇号) with a publicly verifiable draw (see lottery/README in the module README).
 *
 * - learning_lotteries: one per lottery class. The 32-byte seed is generated when staff set the lottery up (before the
 *   window closes) and kept encrypted (seed_enc) while only its SHA-256 (seed_hash) is public; the draw writes the
 *   plain seed (hex) into `seed`, and never changes seed_hash.
 * - learning_lottery_applications: one row per (class, user). A pending application ('applied') counts against the
 *   term limit in learning_term_quotas just like an enrolment; at the draw it turns into an enrolment (won →
 *   enrolled, lost → waitlisted) that keeps the same quota unit. `ticket` is the public pseudonymous id.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema.createTable('learning_lotteries')
    .addColumn('class_id', 'text', (c) => c.primaryKey().references('learning_classes.id'))
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('seed_hash', 'text', (c) => c.notNull())
    .addColumn('seed_enc', 'text', (c) => c.notNull())
    /** The revealed seed (64 hex characters); null until the draw. */
    .addColumn('seed', 'text')
    /** JSON list of the priority rules in order: [{"rule":"never_enrolled"},{"rule":"age_at_least","age":60},…]. */
    .addColumn('priority_groups', 'text', (c) => c.notNull())
    /** The next ticket number to hand out; numbers only grow (a re-application gets a new ticket). */
    .addColumn('next_ticket', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('committed_at', t.timestamp, (c) => c.notNull())
    .addColumn('committed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('drawn_at', t.timestamp)
    .addColumn('drawn_by', 'text', (c) => c.references('users.id'))
    /** JSON {applicants, seatsFree, winners, waitlisted} written by the draw. */
    .addColumn('result_summary', 'text')
    .execute();

  await db.schema.createTable('learning_lottery_applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('class_id', 'text', (c) => c.notNull().references('learning_classes.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('term_id', 'text', (c) => c.notNull().references('learning_terms.id'))
    .addColumn('ticket', 'text', (c) => c.notNull())
    /** 1-based: the first priority rule the applicant met, or (number of rules + 1) for everyone else. */
    .addColumn('priority_group', 'integer', (c) => c.notNull().check(sql`priority_group >= 1`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('applied','withdrawn','won','lost')`))
    /** Position in the draw order (1 = first); null until the draw. */
    .addColumn('draw_rank', 'integer')
    .addColumn('enrolment_id', 'text', (c) => c.references('learning_enrolments.id'))
    .addColumn('applied_at', t.timestamp, (c) => c.notNull())
    .addColumn('withdrawn_at', t.timestamp)
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('learning_lottery_applications_once', ['class_id', 'user_id'])
    .addUniqueConstraint('learning_lottery_applications_ticket', ['class_id', 'ticket'])
    .execute();
  // Lists by class use the (class_id, user_id) key's prefix; no (class_id, status) index, so the draw's updates touch fewer indexes.
  await db.schema.createIndex('learning_lottery_applications_user').on('learning_lottery_applications').columns(['user_id', 'applied_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('learning_lottery_applications').execute();
  await db.schema.dropTable('learning_lotteries').execute();
}
