import { sql } from 'kysely';
import type { Actor, RequestContext } from '../../../core/access/actor.js';
import { appendAudit } from '../../../core/audit/audit-log.js';
import type { CoreContext } from '../../../core/context.js';
import { AppError } from '../../../core/http/errors.js';
import { newId } from '../../../core/ids.js';
import { notify, type NotificationInput } from '../../../core/notifications/notify.js';
import { formatZhDateTime } from '../../../core/time.js';
import { drawOrder, seedHashOf } from './draw-order.js';
import { loadManagedClass } from './lottery-class.js';
import { lotteryDb } from './lottery-schema.js';

export interface DrawSummary { applicants: number; seatsFree: number; winners: number; waitlisted: number }

/** Rows per multi-row statement: well below the bound-parameter limits of SQLite and PostgreSQL. */
const CHUNK = 200;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The draw, once, after the enrolment window has closed, in ONE transaction under the class lock: the lottery row is
 * claimed (drawn_at set where it was null: a second draw is a 409), the seed is revealed (checked against the
 * committed hash), the pending applications are ordered by draw-order.ts, the first (free seats) become enrolments
 * (source 'lottery', enrolled) and the rest waitlisted enrolments numbered in draw order — so the first-come offer
 * mechanics take over from there. Seats are taken with one conditional update (never above the seats), quota units
 * move from the application to its enrolment unchanged. Winners are notified in-app and by SMS, losers in-app; audited.
 */
export async function runDraw(core: CoreContext, ctx: RequestContext & { actor: Actor }, classId: string): Promise<DrawSummary> {
  const now = core.clock.now();
  const at = now.toISOString();
  return lotteryDb(core).transaction().execute(async (trx) => {
    const cls = await loadManagedClass(trx, ctx.actor, classId, true);
    if (!cls.lottery_class_id) throw new AppError(409, 'learning.lottery.not_set_up');
    if (cls.drawn_at) throw new AppError(409, 'learning.lottery.already_drawn');
    if (cls.mode !== 'lottery') throw new AppError(409, 'learning.lottery.not_lottery_mode');
    if (cls.status !== 'open') throw new AppError(409, 'learning.lottery.class_closed');
    if (at < cls.enrol_closes_at) throw new AppError(409, 'learning.lottery.draw_too_early', { closesAt: formatZhDateTime(cls.enrol_closes_at) });

    const seed = core.fieldCrypto.decrypt(cls.seed_enc!);
    // The stored seed must be the committed one; anything else is corruption, and the draw must not go ahead.
    if (seedHashOf(seed) !== cls.seed_hash) throw new Error(`lottery seed of class ${cls.id} does not match its committed hash`);
    const claimed = await trx.updateTable('learning_lotteries').set({ drawn_at: at, drawn_by: ctx.actor.userId, seed, updated_at: at })
      .where('class_id', '=', cls.id).where('drawn_at', 'is', null).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new AppError(409, 'learning.lottery.already_drawn');

    const apps = await trx.selectFrom('learning_lottery_applications').select(['id', 'user_id', 'ticket', 'priority_group'])
      .where('class_id', '=', cls.id).where('status', '=', 'applied').execute();
    const order = drawOrder(seed, apps.map((a) => ({ ...a, group: a.priority_group })));
    const seatsFree = Math.max(0, cls.seats - cls.seats_taken);
    const winners = Math.min(seatsFree, order.length);
    const losers = order.length - winners;

    // Rows left from before (a cancelled first-come enrolment, if the class changed mode) are reused: one per (class, user).
    const previous = new Map<string, { id: string; status: string }>();
    for (const part of chunks(apps.map((a) => a.user_id))) {
      const rows = await trx.selectFrom('learning_enrolments').select(['id', 'user_id', 'status'])
        .where('class_id', '=', cls.id).where('user_id', 'in', part).execute();
      for (const r of rows) previous.set(r.user_id, r);
    }
    if ([...previous.values()].some((r) => ['enrolled', 'waitlisted', 'offered', 'completed'].includes(r.status))) {
      throw new AppError(409, 'learning.lottery.enrolment_conflict');
    }

    if (winners > 0) {
      const r = await trx.updateTable('learning_classes').set({ seats_taken: sql<number>`seats_taken + ${winners}` })
        .where('id', '=', cls.id).where(sql<boolean>`seats_taken + ${winners} <= seats`).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw new AppError(409, 'learning.lottery.seats_changed');
    }
    let firstSeq = 0;
    let waitingBefore = 0;
    if (losers > 0) {
      const row = await trx.updateTable('learning_classes').set({ waitlist_next: sql<number>`waitlist_next + ${losers}` })
        .where('id', '=', cls.id).returning('waitlist_next').executeTakeFirstOrThrow();
      firstSeq = row.waitlist_next - losers;
      const waiting = await trx.selectFrom('learning_enrolments').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('class_id', '=', cls.id).where('status', '=', 'waitlisted').executeTakeFirstOrThrow();
      waitingBefore = Number(waiting.n);
    }

    const placed = order.map((r) => {
      const won = r.rank <= winners;
      const prior = previous.get(r.entry.user_id);
      return { ...r.entry, rank: r.rank, won, enrolmentId: prior?.id ?? newId(), reuse: Boolean(prior),
        seq: won ? null : firstSeq + (r.rank - winners - 1), position: won ? 0 : waitingBefore + (r.rank - winners) };
    });
    const fields = (p: (typeof placed)[number]) => ({
      status: p.won ? 'enrolled' as const : 'waitlisted' as const, waitlist_seq: p.seq, offered_at: null, offer_expires_at: null,
      enrolled_at: p.won ? at : null, cancelled_at: null, completed_at: null, source: 'lottery' as const, acted_by: null,
      consent_method: null, consent_note: null, consent_at: null, updated_at: at,
    });
    for (const part of chunks(placed.filter((p) => !p.reuse))) {
      await trx.insertInto('learning_enrolments').values(part.map((p) => ({
        id: p.enrolmentId, class_id: cls.id, user_id: p.user_id, term_id: cls.term_id, version: 1, created_at: at, ...fields(p),
      }))).execute();
    }
    for (const p of placed.filter((x) => x.reuse)) {
      await trx.updateTable('learning_enrolments').set({ ...fields(p), version: sql<number>`version + 1` }).where('id', '=', p.enrolmentId).execute();
    }
    for (const part of chunks(placed)) {
      await trx.insertInto('learning_enrolment_events').values(part.map((p) => ({
        id: newId(), enrolment_id: p.enrolmentId, event: p.won ? 'enrolled' : 'waitlisted', actor_id: ctx.actor.userId,
        note: `lottery:${p.ticket}#${p.rank}`, at,
      }))).execute();
      // One statement per chunk: CASE picks each row's rank, outcome and enrolment.
      const ids = part.map((p) => p.id);
      const pick = (value: (p: (typeof placed)[number]) => unknown, cast: 'integer' | 'text') =>
        sql`case id ${sql.join(part.map((p) => sql`when ${p.id} then cast(${value(p)} as ${sql.raw(cast)})`), sql` `)} end`;
      await trx.updateTable('learning_lottery_applications').set({
        status: pick((p) => (p.won ? 'won' : 'lost'), 'text') as never,
        draw_rank: pick((p) => p.rank, 'integer') as never,
        enrolment_id: pick((p) => p.enrolmentId, 'text') as never,
        updated_at: at,
      }).where('id', 'in', ids).execute();
    }
    const messages = placed.map((p): NotificationInput => p.won
      ? { userId: p.user_id, topic: 'learning.lottery.won', link: '/account/classes', channels: ['sms'], params: { class: cls.title, ticket: p.ticket } }
      // In-app only: a waitlisted resident gets an SMS when a seat is actually offered to them.
      : { userId: p.user_id, topic: 'learning.lottery.lost', link: '/account/classes',
        params: { class: cls.title, ticket: p.ticket, position: p.position } });
    for (const part of chunks(messages)) await notify(trx, now, part);

    const summary: DrawSummary = { applicants: order.length, seatsFree, winners, waitlisted: losers };
    await trx.updateTable('learning_lotteries').set({ result_summary: JSON.stringify(summary) }).where('class_id', '=', cls.id).execute();
    await appendAudit(trx, ctx, { action: 'learning.lottery.draw', targetType: 'learning_class', targetId: cls.id,
      before: { seedHash: cls.seed_hash }, after: { seed, ...summary } }, now);
    return summary;
  });
}
