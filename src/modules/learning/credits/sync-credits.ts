import { sql, type Kysely } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import { dialectOf } from '../../../core/db/dialect.js';
import { creditDb, type CreditDatabase } from './credit-schema.js';
import { applyConversionRules } from './apply-rules.js';

type Db = Kysely<CreditDatabase>;

/** A timestamp parameter in a SELECT list: PostgreSQL would type a bare parameter as text, not timestamptz. */
function instant(db: Db, iso: string) {
  return dialectOf(db) === 'postgres' ? sql<string>`cast(${iso} as timestamptz)` : sql<string>`${iso}`;
}

/**
 * Credits of completed classes not yet in the ledger, in one INSERT … SELECT: the course's credits as printed on the
 * certificate when there is one (the course's otherwise), under the course's category. Revoked certificates credit
 * nothing. `ON CONFLICT DO NOTHING` on the ledger's key settles a race between two reconcilers.
 */
async function creditClasses(db: Db, recordedAt: string, userId?: string): Promise<number> {
  const credits = sql<number>`coalesce(cert.credits_tenths, co.credits_tenths)`;
  const result = await db.insertInto('learning_credit_ledger')
    .columns(['source_kind', 'source_id', 'user_id', 'category', 'credits_tenths', 'title', 'at', 'recorded_at'])
    .expression((eb) => eb.selectFrom('learning_enrolments as e')
      .innerJoin('learning_classes as c', 'c.id', 'e.class_id')
      .innerJoin('learning_courses as co', 'co.id', 'c.course_id')
      .leftJoin('learning_certificates as cert', 'cert.enrolment_id', 'e.id')
      .select([sql<string>`'class'`.as('source_kind'), 'e.class_id as source_id', 'e.user_id', 'co.category', credits.as('credits_tenths'),
        'c.title', sql<string>`coalesce(e.completed_at, e.updated_at)`.as('at'), instant(db, recordedAt).as('recorded_at')])
      .where('e.status', '=', 'completed')
      .where('cert.revoked_at', 'is', null)
      .where(credits, '>', 0)
      .$if(userId !== undefined, (q) => q.where('e.user_id', '=', userId!))
      .where((w) => w.not(w.exists(w.selectFrom('learning_credit_ledger as l').select(sql`1`.as('x'))
        .where('l.source_kind', '=', 'class').whereRef('l.source_id', '=', 'e.class_id').whereRef('l.user_id', '=', 'e.user_id')))))
    .onConflict((oc) => oc.columns(['source_kind', 'source_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/**
 * A certificate revoked after its class was credited: the ledger stays append-only, so a 'revocation' row takes the
 * same credits back (keyed like the class row: once per class and person). Awards already given are kept.
 */
async function takeBackRevoked(db: Db, recordedAt: string, userId?: string): Promise<number> {
  const result = await db.insertInto('learning_credit_ledger')
    .columns(['source_kind', 'source_id', 'user_id', 'category', 'credits_tenths', 'title', 'at', 'recorded_at'])
    .expression((eb) => eb.selectFrom('learning_credit_ledger as l')
      .innerJoin('learning_certificates as cert', (j) => j.onRef('cert.class_id', '=', 'l.source_id').onRef('cert.user_id', '=', 'l.user_id'))
      .select([sql<string>`'revocation'`.as('source_kind'), 'l.source_id', 'l.user_id', 'l.category',
        sql<number>`0 - l.credits_tenths`.as('credits_tenths'), 'l.title', sql<string>`cert.revoked_at`.as('at'), instant(db, recordedAt).as('recorded_at')])
      .where('l.source_kind', '=', 'class')
      .where('cert.revoked_at', 'is not', null)
      .$if(userId !== undefined, (q) => q.where('l.user_id', '=', userId!))
      .where((w) => w.not(w.exists(w.selectFrom('learning_credit_ledger as r').select(sql`1`.as('x'))
        .where('r.source_kind', '=', 'revocation').whereRef('r.source_id', '=', 'l.source_id').whereRef('r.user_id', '=', 'l.user_id')))))
    .onConflict((oc) => oc.columns(['source_kind', 'source_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** Credits of completed online courses: what the completion awarded (kept on the learner's row), once per course. */
async function creditOnline(db: Db, recordedAt: string, userId?: string): Promise<number> {
  const result = await db.insertInto('learning_credit_ledger')
    .columns(['source_kind', 'source_id', 'user_id', 'category', 'credits_tenths', 'title', 'at', 'recorded_at'])
    .expression((eb) => eb.selectFrom('learning_online_learners as a')
      .innerJoin('learning_courses as co', 'co.id', 'a.course_id')
      .select([sql<string>`'online'`.as('source_kind'), 'a.course_id as source_id', 'a.user_id', 'co.category', 'a.credits_tenths',
        'co.title', sql<string>`a.completed_at`.as('at'), instant(db, recordedAt).as('recorded_at')])
      .where('a.completed_at', 'is not', null)
      .where('a.credits_tenths', '>', 0)
      .$if(userId !== undefined, (q) => q.where('a.user_id', '=', userId!))
      .where((w) => w.not(w.exists(w.selectFrom('learning_credit_ledger as l').select(sql`1`.as('x'))
        .where('l.source_kind', '=', 'online').whereRef('l.source_id', '=', 'a.course_id').whereRef('l.user_id', '=', 'a.user_id')))))
    .onConflict((oc) => oc.columns(['source_kind', 'source_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export interface SyncResult { credited: number; awarded: number }

/**
 * The reconciler: puts every completed class and online course that is missing from the ledger into it, then applies
 * the conversion rules. Idempotent and safe to run from several processes at once (the ledger's key and the awards'
 * unique (user, rule) make a second writer a no-op). `userId` narrows it to one person (when they open their record).
 */
export async function syncCredits(core: Pick<CoreContext, 'db' | 'clock'>, userId?: string): Promise<SyncResult> {
  const db = creditDb(core);
  const now = core.clock.now();
  const credited = await creditClasses(db, now.toISOString(), userId) + await creditOnline(db, now.toISOString(), userId)
    + await takeBackRevoked(db, now.toISOString(), userId);
  const awarded = await applyConversionRules(db, now, userId);
  return { credited, awarded };
}
