import type { Actor } from '../../../core/access/actor.js';
import type { CoreContext } from '../../../core/context.js';
import { AppError } from '../../../core/http/errors.js';
import { applyForLottery } from './applications.js';
import { commitSeed } from './configure-lottery.js';
import { lotteryDb } from './lottery-schema.js';
import type { PriorityRule } from './priority-rules.js';

const DEMO_RULES: PriorityRule[] = [{ rule: 'never_enrolled' }, { rule: 'resident_of_town' }];

/**
 * The demo catalogue's open lottery class (合唱) gets its lottery committed (never enrolled first, then residents of
 * the town) and applications from resident09–16 through the real apply command — those the class's rules refuse
 * (age, residency, term limit) simply do not apply. The window is still open, so staff can try the draw after it.
 */
export async function seedDemoLottery(core: CoreContext): Promise<void> {
  const db = lotteryDb(core);
  const classes = await db.selectFrom('learning_classes').leftJoin('learning_lotteries', 'learning_lotteries.class_id', 'learning_classes.id')
    .select(['learning_classes.id']).where('learning_classes.mode', '=', 'lottery').where('learning_classes.status', '=', 'open')
    .where('learning_lotteries.class_id', 'is', null).execute();
  if (classes.length === 0) return;
  const admin = await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst();
  if (!admin) return;
  const residents = await db.selectFrom('users').select(['id', 'username', 'display_name']).where('username', 'like', 'resident%')
    .where('username', '>=', 'resident09').where('username', '<=', 'resident16').orderBy('username').execute();
  const at = core.clock.now().toISOString();
  for (const cls of classes) {
    await db.transaction().execute((trx) => commitSeed(core, trx, cls.id, DEMO_RULES, admin.id, at));
    for (const r of residents) {
      // Only the user id is read from the actor by applyForLottery.
      const actor = { userId: r.id, username: r.username, displayName: r.display_name } as unknown as Actor;
      try {
        await applyForLottery(core, { actor, ip: null, requestId: 'demo-seed' }, cls.id);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
    }
  }
}
