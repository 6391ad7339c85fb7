import type { Kysely } from 'kysely';
import { fromTenths } from '../catalogue/catalogue-format.js';
import type { CreditDatabase, LearningCreditRulesTable } from './credit-schema.js';

type Db = Kysely<CreditDatabase>;

export function presentRule(r: LearningCreditRulesTable, awarded: number) {
  return {
    id: r.id, name: r.name, category: r.category, creditsRequired: fromTenths(r.credits_required_tenths), awardTitle: r.award_title,
    active: r.active === 1, version: r.version, awarded, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

/** Every rule (active first, then by name) with how many people it has awarded. */
export async function listRules(db: Db) {
  const [rules, counts] = await Promise.all([
    db.selectFrom('learning_credit_rules').selectAll().orderBy('active', 'desc').orderBy('name').orderBy('id').execute(),
    db.selectFrom('learning_credit_awards').select(['rule_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('rule_id').execute(),
  ]);
  const awarded = new Map(counts.map((c) => [c.rule_id, Number(c.n)]));
  return rules.map((r) => presentRule(r, awarded.get(r.id) ?? 0));
}

export async function ruleById(db: Db, id: string) {
  const rule = await db.selectFrom('learning_credit_rules').selectAll().where('id', '=', id).executeTakeFirst();
  if (!rule) return undefined;
  const n = await db.selectFrom('learning_credit_awards').select((eb) => eb.fn.countAll<number>().as('n')).where('rule_id', '=', id).executeTakeFirstOrThrow();
  return presentRule(rule, Number(n.n));
}

/** A person's ledger, oldest first (the order credits were earned). */
export function ledgerOf(db: Db, userId: string) {
  return db.selectFrom('learning_credit_ledger').selectAll().where('user_id', '=', userId).orderBy('at').orderBy('source_kind').orderBy('source_id').execute();
}

/** A person's awards, newest first. */
export function awardsOf(db: Db, userId: string) {
  return db.selectFrom('learning_credit_awards').selectAll().where('user_id', '=', userId).orderBy('awarded_at', 'desc').orderBy('id').execute();
}
