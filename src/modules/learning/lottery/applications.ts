import { sql, type Transaction } from 'kysely';
import type { Actor, RequestContext } from '../../../core/access/actor.js';
import type { CoreContext } from '../../../core/context.js';
import { AppError, notFound } from '../../../core/http/errors.js';
import { newId } from '../../../core/ids.js';
import { windowPhase, windowRefusal } from '../enrolment/eligibility.js';
import { releaseQuota, takeQuota, type Trx } from '../enrolment/seat-ledger.js';
import { checkApplicant } from './applicant.js';
import { ticketOf } from './draw-order.js';
import { loadLotteryClass } from './lottery-class.js';
import { lotteryDb, type LotteryDatabase } from './lottery-schema.js';
import { parseRules, priorityGroupOf } from './priority-rules.js';

export interface ApplyResult { id: string; ticket: string; priorityGroup: number; status: 'applied' }

const ACTIVE_ENROLMENT = ['enrolled', 'waitlisted', 'offered', 'completed'] as const;

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * A resident applies for a lottery class, in ONE transaction under the class lock: class open and set up, not drawn,
 * inside the window (续报 phase: returning students only), the first-come eligibility rules, one application per
 * person, and the per-term limit — a pending application takes one unit of the quota (it turns into the enrolment's
 * unit at the draw, and is given back on withdrawal), so nobody can hoard applications. The ticket number comes from
 * the lottery row's counter. Any refusal throws before the commit: nothing is written.
 */
export async function applyForLottery(core: CoreContext, ctx: RequestContext & { actor: Actor }, classId: string): Promise<ApplyResult> {
  const now = core.clock.now();
  const at = now.toISOString();
  const userId = ctx.actor.userId;
  try {
    return await lotteryDb(core).transaction().execute(async (trx) => {
      const cls = await loadLotteryClass(trx, classId, true);
      if (!cls || cls.status === 'draft') throw notFound('learning.class.not_found');
      if (cls.status === 'cancelled') throw new AppError(409, 'learning.enrolment.class_cancelled');
      if (cls.status !== 'open') throw new AppError(409, 'learning.enrolment.class_not_open');
      if (cls.mode !== 'lottery') throw new AppError(409, 'learning.lottery.first_come_class');
      if (!cls.lottery_class_id) throw new AppError(409, 'learning.lottery.not_set_up');
      if (cls.drawn_at) throw new AppError(409, 'learning.lottery.already_drawn');
      const phase = windowPhase(cls, at);
      if (phase === 'before' || phase === 'closed') throw windowRefusal(cls, phase);

      const existing = await trx.selectFrom('learning_lottery_applications').select(['id', 'status'])
        .where('class_id', '=', cls.id).where('user_id', '=', userId).executeTakeFirst();
      if (existing && existing.status !== 'withdrawn') throw new AppError(409, 'learning.lottery.already_applied');
      const enrolled = await trx.selectFrom('learning_enrolments').select('id').where('class_id', '=', cls.id)
        .where('user_id', '=', userId).where('status', 'in', ACTIVE_ENROLMENT).executeTakeFirst();
      if (enrolled) throw new AppError(409, 'learning.enrolment.already_enrolled');

      const facts = await checkApplicant(core, trx, cls, userId);
      if (phase === 'returning' && !facts.returning) throw windowRefusal(cls, phase);
      const group = priorityGroupOf(parseRules(cls.priority_groups!), facts);

      if (!await takeQuota(trx as unknown as Trx, userId, cls.term_id, cls.enrol_limit)) {
        throw new AppError(409, 'learning.enrolment.limit_reached', { limit: cls.enrol_limit });
      }
      const counter = await trx.updateTable('learning_lotteries').set({ next_ticket: sql<number>`next_ticket + 1` })
        .where('class_id', '=', cls.id).where('drawn_at', 'is', null).returning('next_ticket').executeTakeFirst();
      if (!counter) throw new AppError(409, 'learning.lottery.already_drawn');
      const ticket = ticketOf(counter.next_ticket - 1);
      const fields = { ticket, priority_group: group, status: 'applied' as const, draw_rank: null, enrolment_id: null,
        applied_at: at, withdrawn_at: null, updated_at: at };
      let id: string;
      if (existing) {
        // A new application after withdrawing keeps the one row per (class, user), with a new ticket.
        const r = await trx.updateTable('learning_lottery_applications').set(fields)
          .where('id', '=', existing.id).where('status', '=', 'withdrawn').executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw new AppError(409, 'learning.lottery.already_applied');
        id = existing.id;
      } else {
        id = newId();
        await trx.insertInto('learning_lottery_applications').values({ id, class_id: cls.id, user_id: userId, term_id: cls.term_id, ...fields }).execute();
      }
      return { id, ticket, priorityGroup: group, status: 'applied' as const };
    });
  } catch (error) {
    // Two requests of the same resident raced past the first check: the unique (class, user) key stops the second.
    if (isUniqueViolation(error)) throw new AppError(409, 'learning.lottery.already_applied');
    throw error;
  }
}

/** The applicant withdraws before the draw; their quota unit is given back. Someone else's application is a 404. */
export async function withdrawApplication(core: CoreContext, ctx: RequestContext & { actor: Actor }, applicationId: string): Promise<void> {
  const at = core.clock.now().toISOString();
  await lotteryDb(core).transaction().execute(async (trx) => {
    const peek = await trx.selectFrom('learning_lottery_applications').select(['class_id', 'user_id'])
      .where('id', '=', applicationId).executeTakeFirst();
    if (!peek || peek.user_id !== ctx.actor.userId) throw notFound('learning.lottery.application_not_found');
    const cls = await loadLotteryClass(trx, peek.class_id, true);
    if (cls?.drawn_at) throw new AppError(409, 'learning.lottery.already_drawn');
    const app = await trx.selectFrom('learning_lottery_applications').select(['status', 'term_id'])
      .where('id', '=', applicationId).executeTakeFirstOrThrow(); // re-read under the class lock
    if (app.status !== 'applied') throw new AppError(409, 'learning.lottery.not_applied');
    await trx.updateTable('learning_lottery_applications').set({ status: 'withdrawn', withdrawn_at: at, updated_at: at })
      .where('id', '=', applicationId).where('status', '=', 'applied').execute();
    await releaseQuota(trx as unknown as Trx, peek.user_id, app.term_id);
  });
}

/**
 * For a class being cancelled (call from its cancellation, in the same transaction): pending applications end as
 * withdrawn and their quota units are given back. Returns the applicants, to notify them with the enrolments.
 */
/** Does the class have lottery applications still waiting for the draw? */
export async function hasPendingApplications(trx: Transaction<LotteryDatabase>, classId: string): Promise<boolean> {
  const row = await trx.selectFrom('learning_lottery_applications').select('id').where('class_id', '=', classId)
    .where('status', '=', 'applied').limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function withdrawAllApplicationsOfClass(trx: Transaction<LotteryDatabase>, classId: string, now: Date): Promise<string[]> {
  const at = now.toISOString();
  const pending = await trx.selectFrom('learning_lottery_applications').select(['id', 'user_id', 'term_id'])
    .where('class_id', '=', classId).where('status', '=', 'applied').execute();
  for (const p of pending) {
    const r = await trx.updateTable('learning_lottery_applications').set({ status: 'withdrawn', withdrawn_at: at, updated_at: at })
      .where('id', '=', p.id).where('status', '=', 'applied').executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) await releaseQuota(trx as unknown as Trx, p.user_id, p.term_id);
  }
  return pending.map((p) => p.user_id);
}
