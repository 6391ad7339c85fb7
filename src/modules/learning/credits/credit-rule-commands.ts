import type { Kysely } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import type { Actor, RequestContext } from '../../../core/access/actor.js';
import { appendAudit } from '../../../core/audit/audit-log.js';
import { conflict, invalid, notFound, type FieldError } from '../../../core/http/errors.js';
import { newId } from '../../../core/ids.js';
import { toTenths } from '../catalogue/catalogue-format.js';
import { creditDb, type CreditDatabase, type LearningCreditRulesTable } from './credit-schema.js';
import type { CreateRuleInput, UpdateRuleInput } from './credit-rule-schemas.js';

type Db = Kysely<CreditDatabase>;
type Ctx = RequestContext & { actor: Actor };

function audited(r: Pick<LearningCreditRulesTable, 'name' | 'category' | 'credits_required_tenths' | 'award_title' | 'active' | 'version'>) {
  return { name: r.name, category: r.category, creditsRequiredTenths: r.credits_required_tenths, awardTitle: r.award_title, active: r.active === 1, version: r.version };
}

/** Trimmed fields, credits in tenths, and the field errors a form can show next to its inputs. */
async function checked(trx: Db, input: CreateRuleInput, exceptId?: string) {
  const errors: FieldError[] = [];
  const name = input.name.trim();
  const awardTitle = input.awardTitle.trim();
  if (!name) errors.push({ field: 'name', code: 'required', messageId: 'field.required' });
  if (!awardTitle) errors.push({ field: 'awardTitle', code: 'required', messageId: 'field.required' });
  const tenths = toTenths(input.creditsRequired);
  if (tenths === null || tenths < 1) errors.push({ field: 'creditsRequired', code: 'one_decimal', messageId: 'learning.field.one_decimal' });
  if (name) {
    const same = await trx.selectFrom('learning_credit_rules').select('id').where('name', '=', name)
      .$if(exceptId !== undefined, (q) => q.where('id', '<>', exceptId!)).executeTakeFirst();
    if (same) errors.push({ field: 'name', code: 'name_taken', messageId: 'learning.credit.rule.name_taken' });
  }
  if (errors.length > 0) throw invalid(errors);
  return { name, awardTitle, tenths: tenths! };
}

export async function createRule(core: CoreContext, ctx: Ctx, input: CreateRuleInput): Promise<string> {
  const now = core.clock.now();
  return creditDb(core).transaction().execute(async (trx) => {
    const f = await checked(trx, input);
    const row: LearningCreditRulesTable = {
      id: newId(), name: f.name, category: input.category, credits_required_tenths: f.tenths, award_title: f.awardTitle,
      active: input.active === false ? 0 : 1, version: 1, created_by: ctx.actor.userId, created_at: now.toISOString(),
      updated_by: ctx.actor.userId, updated_at: now.toISOString(),
    };
    await trx.insertInto('learning_credit_rules').values(row).execute();
    await appendAudit(trx as never, ctx, { action: 'learning.credit_rule.create', targetType: 'learning_credit_rule', targetId: row.id, after: audited(row) }, now);
    return row.id;
  });
}

/**
 * Replaces a rule (or deactivates it with `active: false`), guarded by the version read: a stale edit is 409. Awards
 * already made stay as they were (they keep the rule's version); a lowered threshold awards more people on the next sync.
 */
export async function updateRule(core: CoreContext, ctx: Ctx, id: string, input: UpdateRuleInput): Promise<void> {
  const now = core.clock.now();
  await creditDb(core).transaction().execute(async (trx) => {
    const current = await trx.selectFrom('learning_credit_rules').selectAll().where('id', '=', id).executeTakeFirst();
    if (!current) throw notFound('learning.credit.rule.not_found');
    if (current.version !== input.version) throw conflict('learning.credit.rule.stale', { version: current.version });
    const f = await checked(trx, input, id);
    const next = { name: f.name, category: input.category, credits_required_tenths: f.tenths, award_title: f.awardTitle, active: input.active ? 1 : 0, version: input.version + 1 };
    const result = await trx.updateTable('learning_credit_rules').set({ ...next, updated_by: ctx.actor.userId, updated_at: now.toISOString() })
      .where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict('learning.credit.rule.stale', { version: current.version });
    const action = current.active === 1 && !input.active ? 'learning.credit_rule.deactivate' : 'learning.credit_rule.update';
    await appendAudit(trx as never, ctx, { action, targetType: 'learning_credit_rule', targetId: id, before: audited(current), after: audited(next) }, now);
  });
}
