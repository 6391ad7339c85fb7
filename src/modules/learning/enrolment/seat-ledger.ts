import { sql, type Kysely, type Transaction } from 'kysely';
import { dialectOf } from '../../../core/db/dialect.js';
import { newId } from '../../../core/ids.js';
import { notify } from '../../../core/notifications/notify.js';
import { formatZhDateTime } from '../../../core/time.js';
import type { EnrolmentDatabase } from './enrolment-schema.js';

/**
 * The few writes that keep the invariants of migration 0013: seats_taken = enrolled + offered, quotas = enrolled +
 * offered + waitlisted. Every change of a class's seats runs after lockClass, so on PostgreSQL concurrent enrolments,
 * cancellations and expiries of one class take turns (SQLite has a single writer anyway).
 */
/** A transaction, or a write batch's handle bound to its transaction (src/core/db/write-batcher.ts). */
export type Trx = Kysely<EnrolmentDatabase> | Transaction<EnrolmentDatabase>;

export async function lockClass(trx: Trx, classId: string, userId = '') {
  return trx.selectFrom('learning_classes')
    .innerJoin('learning_terms', 'learning_terms.id', 'learning_classes.term_id')
    // The user's own row of the class comes along, so an enrolment needs one statement less.
    .leftJoin('learning_enrolments as mine', (j) => j.onRef('mine.class_id', '=', 'learning_classes.id').on('mine.user_id', '=', userId))
    .select(['mine.id as mine_id', 'mine.status as mine_status', 'mine.version as mine_version','learning_classes.id', 'learning_classes.course_id', 'learning_classes.term_id', 'learning_classes.title',
      'learning_classes.owner_path', 'learning_classes.status', 'learning_classes.mode', 'learning_classes.seats',
      'learning_classes.seats_taken', 'learning_classes.starts_on', 'learning_classes.age_min', 'learning_classes.age_max',
      'learning_classes.residency_region_id', 'learning_classes.prerequisite_course_id', 'learning_classes.returning_opens_at',
      'learning_classes.enrol_opens_at', 'learning_classes.enrol_closes_at', 'learning_classes.offer_hours',
      'learning_classes.teacher_user_id', 'learning_terms.enrol_limit', 'learning_terms.previous_term_id'])
    .where('learning_classes.id', '=', classId)
    .$if(dialectOf(trx) === 'postgres', (q) => q.forUpdate('learning_classes'))
    .executeTakeFirst();
}
export type LockedClass = NonNullable<Awaited<ReturnType<typeof lockClass>>>;

/** Counts one more class against the user's term limit, creating the counter on first use; false at the limit. */
export async function takeQuota(trx: Trx, userId: string, termId: string, limit: number): Promise<boolean> {
  const row = await trx.insertInto('learning_term_quotas').values({ user_id: userId, term_id: termId, used: 1 })
    .onConflict((oc) => oc.columns(['user_id', 'term_id'])
      .doUpdateSet({ used: sql<number>`learning_term_quotas.used + 1` })
      .where('learning_term_quotas.used', '<', limit))
    .returning('used').executeTakeFirst();
  return row !== undefined;
}

export async function releaseQuota(trx: Trx, userId: string, termId: string) {
  await trx.updateTable('learning_term_quotas').set({ used: sql<number>`used - 1` })
    .where('user_id', '=', userId).where('term_id', '=', termId).where('used', '>', 0).execute();
}

/** Takes a seat if one is free (the conditional update is what prevents overselling). */
export async function takeSeat(trx: Trx, classId: string): Promise<boolean> {
  const r = await trx.updateTable('learning_classes').set({ seats_taken: sql<number>`seats_taken + 1` })
    .where('id', '=', classId).where('status', '=', 'open').where(sql<boolean>`seats_taken < seats`).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The next waitlist number of the class: numbers only grow, so they keep the order of arrival. */
export async function takeWaitlistNumber(trx: Trx, classId: string): Promise<number> {
  const row = await trx.updateTable('learning_classes').set({ waitlist_next: sql<number>`waitlist_next + 1` })
    .where('id', '=', classId).returning('waitlist_next').executeTakeFirstOrThrow();
  return row.waitlist_next - 1;
}

/** Place in the queue: waitlisted entries of the class up to and including this number. */
export async function waitlistPosition(trx: Trx, classId: string, seq: number): Promise<number> {
  const row = await trx.selectFrom('learning_enrolments').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('class_id', '=', classId).where('status', '=', 'waitlisted').where('waitlist_seq', '<=', seq).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function addEvent(trx: Trx, enrolmentId: string, event: string, actorId: string | null, at: string, note = '') {
  await trx.insertInto('learning_enrolment_events').values({ id: newId(), enrolment_id: enrolmentId, event, actor_id: actorId, note, at }).execute();
}

/**
 * A seat of the class was given up (cancel, decline, expiry): it goes to the first waitlisted resident as an offer
 * (the seat stays taken), or back to the class when nobody waits. Conditional updates make a raced row skip to the next.
 * The offer is the system's doing: its event names no actor, so the resident offered the seat never learns who left.
 */
export async function passSeatOn(trx: Trx, cls: Pick<LockedClass, 'id' | 'title' | 'offer_hours'>, now: Date) {
  const at = now.toISOString();
  const expires = new Date(now.getTime() + cls.offer_hours * 3_600_000).toISOString();
  for (;;) {
    const next = await trx.selectFrom('learning_enrolments').select(['id', 'user_id'])
      .where('class_id', '=', cls.id).where('status', '=', 'waitlisted').orderBy('waitlist_seq').limit(1).executeTakeFirst();
    if (!next) {
      await trx.updateTable('learning_classes').set({ seats_taken: sql<number>`seats_taken - 1` })
        .where('id', '=', cls.id).where('seats_taken', '>', 0).execute();
      return null;
    }
    const r = await trx.updateTable('learning_enrolments')
      .set({ status: 'offered', offered_at: at, offer_expires_at: expires, updated_at: at, version: sql<number>`version + 1` })
      .where('id', '=', next.id).where('status', '=', 'waitlisted').executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) continue;
    await addEvent(trx, next.id, 'offered', null, at);
    await notify(trx, now, {
      userId: next.user_id, topic: 'learning.enrolment.offered', link: '/account/classes', channels: ['sms'],
      params: { class: cls.title, deadline: formatZhDateTime(expires) },
    });
    return next.id;
  }
}
