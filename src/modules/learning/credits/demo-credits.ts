import type { CoreContext } from '../../../core/context.js';
import { newId } from '../../../core/ids.js';
import { creditDb, type RuleCategory } from './credit-schema.js';
import { syncCredits } from './sync-credits.js';

/** The city's demo conversion rules (names and titles written for this project). */
const DEMO_RULES: { name: string; category: RuleCategory; tenths: number; award: string }[] = [
  { name: '数字技能 20 学分', category: 'digital', tenths: 200, award: '青溪市数字技能证书' },
  { name: '健康养生 10 学分', category: 'health', tenths: 100, award: '青溪市健康生活证书' },
  { name: '终身学习起步 3 学分', category: 'any', tenths: 30, award: '青溪市终身学习起步证书' },
];

/**
 * Demo credit bank: the city's conversion rules, then one reconciliation so the demo's completed classes (the
 * certificates demo) are in the ledger and whoever already reaches a rule has their award and message. Runs once.
 */
export async function seedDemoCredits(core: CoreContext): Promise<void> {
  const db = creditDb(core);
  if (await db.selectFrom('learning_credit_rules').select('id').limit(1).executeTakeFirst()) return;
  const admin = await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst();
  const at = core.clock.now().toISOString();
  await db.insertInto('learning_credit_rules').values(DEMO_RULES.map((r) => ({
    id: newId(), name: r.name, category: r.category, credits_required_tenths: r.tenths, award_title: r.award, active: 1, version: 1,
    created_by: admin?.id ?? null, created_at: at, updated_by: admin?.id ?? null, updated_at: at,
  }))).execute();
  await syncCredits(core);
}
