import type { Transaction } from 'kysely';
import type { Actor, RequestContext } from '../../../core/access/actor.js';
import { appendAudit } from '../../../core/audit/audit-log.js';
import type { CoreContext } from '../../../core/context.js';
import { AppError, invalidField } from '../../../core/http/errors.js';
import { formatZhDateTime } from '../../../core/time.js';
import { applicantFacts } from './applicant.js';
import { DRAW_ALGORITHM, newSeed, seedHashOf } from './draw-order.js';
import { loadManagedClass } from './lottery-class.js';
import { lotteryDb, type LotteryDatabase } from './lottery-schema.js';
import { duplicateRuleIndex, parseRules, priorityGroupOf, type PriorityRule } from './priority-rules.js';

/** Generates and stores the seed of a new lottery (encrypted; only its SHA-256 is public); returns the hash. */
export async function commitSeed(core: CoreContext, trx: Transaction<LotteryDatabase>, classId: string, rules: PriorityRule[], by: string, at: string) {
  const seed = newSeed();
  const seedHash = seedHashOf(seed);
  await trx.insertInto('learning_lotteries').values({
    class_id: classId, algorithm: DRAW_ALGORITHM, seed_hash: seedHash, seed_enc: core.fieldCrypto.encrypt(seed), seed: null,
    priority_groups: JSON.stringify(rules), next_ticket: 1, committed_at: at, committed_by: by, updated_at: at,
    drawn_at: null, drawn_by: null, result_summary: null,
  }).execute();
  return seedHash;
}

export interface ConfigureResult { created: boolean; seedHash: string }

/**
 * Sets up a class's lottery, or changes its priority groups. The first call commits the seed: 32 random bytes are
 * generated and kept encrypted, and only SHA-256(seed) is published; nothing can change the seed afterwards. Allowed
 * only for a lottery-mode class that is not cancelled or finished, before its enrolment window closes and before the
 * draw. Changing the rules recomputes the group of every pending application in the same transaction (and the
 * published list shows the groups), so the draw always uses the rules shown. Audited.
 */
export async function configureLottery(core: CoreContext, ctx: RequestContext & { actor: Actor }, classId: string, rules: PriorityRule[]): Promise<ConfigureResult> {
  const dup = duplicateRuleIndex(rules);
  if (dup >= 0) throw invalidField(`priorityGroups.${dup}`, 'learning.lottery.rule_duplicate');
  const now = core.clock.now();
  const at = now.toISOString();
  return lotteryDb(core).transaction().execute(async (trx) => {
    const cls = await loadManagedClass(trx, ctx.actor, classId, true);
    if (cls.mode !== 'lottery') throw new AppError(409, 'learning.lottery.not_lottery_mode');
    if (cls.status === 'cancelled' || cls.status === 'finished') throw new AppError(409, 'learning.lottery.class_closed');
    if (cls.drawn_at) throw new AppError(409, 'learning.lottery.already_drawn');
    if (at >= cls.enrol_closes_at) throw new AppError(409, 'learning.lottery.setup_too_late', { closesAt: formatZhDateTime(cls.enrol_closes_at) });
    const json = JSON.stringify(rules);

    if (!cls.lottery_class_id) {
      const seedHash = await commitSeed(core, trx, cls.id, rules, ctx.actor.userId, at);
      await appendAudit(trx, ctx, { action: 'learning.lottery.commit', targetType: 'learning_class', targetId: cls.id,
        after: { seedHash, algorithm: DRAW_ALGORITHM, priorityGroups: rules } }, now);
      return { created: true, seedHash };
    }

    const before = parseRules(cls.priority_groups!);
    await trx.updateTable('learning_lotteries').set({ priority_groups: json, updated_at: at }).where('class_id', '=', cls.id).execute();
    if (JSON.stringify(before) !== json) {
      const pending = await trx.selectFrom('learning_lottery_applications').select(['id', 'user_id', 'priority_group'])
        .where('class_id', '=', cls.id).where('status', '=', 'applied').execute();
      for (const app of pending) {
        const group = priorityGroupOf(rules, await applicantFacts(core, trx, cls, app.user_id));
        if (group !== app.priority_group) {
          await trx.updateTable('learning_lottery_applications').set({ priority_group: group, updated_at: at }).where('id', '=', app.id).execute();
        }
      }
    }
    await appendAudit(trx, ctx, { action: 'learning.lottery.configure', targetType: 'learning_class', targetId: cls.id,
      before: { priorityGroups: before }, after: { priorityGroups: rules } }, now);
    return { created: false, seedHash: cls.seed_hash! };
  });
}
