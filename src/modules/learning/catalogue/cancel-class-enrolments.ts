import { sql, type Transaction } from 'kysely';
import { newId } from '../../../core/ids.js';
import type { LearningDatabase } from '../learning-schema.js';

/** Enrolment statuses a class cancellation ends: they hold a seat, or a place in the queue, and a term quota. */
const LIVE = ['enrolled', 'offered', 'waitlisted'] as const;

/**
 * Ends every live enrolment of a class that is being cancelled, in the caller's transaction: each becomes
 * 'cancelled' (with an event for the resident's record), its term quota is given back, and the class holds no seats.
 * Returns who was affected so the caller can notify them.
 */
export async function cancelAllEnrolmentsOfClass(trx: Transaction<LearningDatabase>, classId: string, actorId: string | null, now: Date, note: string) {
  const at = now.toISOString();
  const live = await trx.selectFrom('learning_enrolments').select(['id', 'user_id', 'term_id', 'status'])
    .where('class_id', '=', classId).where('status', 'in', [...LIVE]).execute();
  if (live.length > 0) {
    await trx.updateTable('learning_enrolments')
      .set({ status: 'cancelled', cancelled_at: at, offered_at: null, offer_expires_at: null, updated_at: at, version: sql<number>`version + 1` })
      .where('class_id', '=', classId).where('status', 'in', [...LIVE]).execute();
    await trx.insertInto('learning_enrolment_events')
      .values(live.map((e) => ({ id: newId(), enrolment_id: e.id, event: 'class_cancelled', actor_id: actorId, note, at })))
      .execute();
    for (const e of live) {
      await trx.updateTable('learning_term_quotas').set({ used: sql<number>`used - 1` })
        .where('user_id', '=', e.user_id).where('term_id', '=', e.term_id).where('used', '>', 0).execute();
    }
  }
  await trx.updateTable('learning_classes').set({ seats_taken: 0 }).where('id', '=', classId).execute();
  return live.map((e) => ({ userId: e.user_id, status: e.status }));
}
