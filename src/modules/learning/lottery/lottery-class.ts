import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../../core/access/actor.js';
import { isInScope } from '../../../core/access/scope.js';
import { dialectOf } from '../../../core/db/dialect.js';
import { notFound } from '../../../core/http/errors.js';
import type { LotteryDatabase } from './lottery-schema.js';

type Db = Kysely<LotteryDatabase> | Transaction<LotteryDatabase>;

/**
 * A class with its term's limit and previous term, and its lottery row (if set up). Inside a transaction the class
 * row is locked on PostgreSQL, so applications, withdrawals, rule changes and the draw of one class take turns
 * (SQLite has a single writer anyway) — the same lock the first-come seat ledger takes.
 */
export async function loadLotteryClass(db: Db, classId: string, lock = false) {
  return db.selectFrom('learning_classes')
    .innerJoin('learning_terms', 'learning_terms.id', 'learning_classes.term_id')
    .leftJoin('learning_lotteries', 'learning_lotteries.class_id', 'learning_classes.id')
    .select(['learning_classes.id', 'learning_classes.course_id', 'learning_classes.term_id', 'learning_classes.town_id',
      'learning_classes.title', 'learning_classes.owner_path', 'learning_classes.status', 'learning_classes.mode',
      'learning_classes.seats', 'learning_classes.seats_taken', 'learning_classes.waitlist_next', 'learning_classes.starts_on',
      'learning_classes.age_min', 'learning_classes.age_max', 'learning_classes.residency_region_id',
      'learning_classes.prerequisite_course_id', 'learning_classes.returning_opens_at', 'learning_classes.enrol_opens_at',
      'learning_classes.enrol_closes_at', 'learning_terms.enrol_limit', 'learning_terms.previous_term_id',
      'learning_lotteries.class_id as lottery_class_id', 'learning_lotteries.seed_hash', 'learning_lotteries.seed_enc',
      'learning_lotteries.seed', 'learning_lotteries.priority_groups', 'learning_lotteries.committed_at',
      'learning_lotteries.drawn_at', 'learning_lotteries.algorithm', 'learning_lotteries.result_summary'])
    .where('learning_classes.id', '=', classId)
    .$if(lock && dialectOf(db) === 'postgres', (q) => q.forUpdate('learning_classes'))
    .executeTakeFirst();
}
export type LotteryClass = NonNullable<Awaited<ReturnType<typeof loadLotteryClass>>>;

/** Staff who may run the class's lottery: their scope covers the class's institution; anyone else sees a 404. */
export async function loadManagedClass(db: Db, actor: Actor, classId: string, lock = false): Promise<LotteryClass> {
  const cls = await loadLotteryClass(db, classId, lock);
  if (!cls || !isInScope(actor, 'learning.lottery.manage', cls.owner_path)) throw notFound('learning.class.not_found');
  return cls;
}
