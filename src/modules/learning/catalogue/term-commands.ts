import type { Actor, RequestContext } from '../../../core/access/actor.js';
import type { CoreContext } from '../../../core/context.js';
import { invalid, notFound, type FieldError } from '../../../core/http/errors.js';
import { newId } from '../../../core/ids.js';
import { learningDb, type LearningTermsTable } from '../learning-schema.js';
import type { CreateTermInput, UpdateTermInput } from './catalogue-schemas.js';
import { auditCatalogue } from './catalogue-audit.js';
import { isDate } from './schedule.js';

type Ctx = RequestContext & { actor: Actor };

function checkTermDates(startsOn: string, endsOn: string, errors: FieldError[]) {
  if (!isDate(startsOn)) errors.push({ field: 'startsOn', code: 'date_invalid', messageId: 'learning.field.date_invalid' });
  if (!isDate(endsOn)) errors.push({ field: 'endsOn', code: 'date_invalid', messageId: 'learning.field.date_invalid' });
  else if (isDate(startsOn) && endsOn < startsOn) errors.push({ field: 'endsOn', code: 'end_before_start', messageId: 'learning.field.end_before_start' });
}

/** A term (学期) of the whole city; only the city admin keeps them (the route's permission). */
export async function createTerm(core: CoreContext, ctx: Ctx, input: CreateTermInput): Promise<string> {
  const now = core.clock.now();
  return learningDb(core).transaction().execute(async (trx) => {
    const errors: FieldError[] = [];
    checkTermDates(input.startsOn, input.endsOn, errors);
    if (input.previousTermId && !(await trx.selectFrom('learning_terms').select('id').where('id', '=', input.previousTermId).executeTakeFirst())) {
      errors.push({ field: 'previousTermId', code: 'previous_unknown', messageId: 'learning.term.previous_unknown' });
    }
    if (errors.length > 0) throw invalid(errors);
    const row: LearningTermsTable = {
      id: newId(), name: input.name.trim(), starts_on: input.startsOn, ends_on: input.endsOn, enrol_limit: input.enrolLimit ?? 3,
      previous_term_id: input.previousTermId ?? null, created_at: now.toISOString(),
    };
    await trx.insertInto('learning_terms').values(row).execute();
    await auditCatalogue(trx, ctx, { action: 'learning.term.create', targetType: 'learning_term', targetId: row.id, after: { ...row } }, now);
    return row.id;
  });
}

export async function updateTerm(core: CoreContext, ctx: Ctx, id: string, input: UpdateTermInput): Promise<void> {
  const now = core.clock.now();
  await learningDb(core).transaction().execute(async (trx) => {
    const before = await trx.selectFrom('learning_terms').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('learning.term.not_found');
    const next = {
      name: input.name?.trim() ?? before.name, starts_on: input.startsOn ?? before.starts_on, ends_on: input.endsOn ?? before.ends_on,
      enrol_limit: input.enrolLimit ?? before.enrol_limit,
      previous_term_id: input.previousTermId !== undefined ? input.previousTermId : before.previous_term_id,
    };
    const errors: FieldError[] = [];
    checkTermDates(next.starts_on, next.ends_on, errors);
    if (next.previous_term_id === id) errors.push({ field: 'previousTermId', code: 'previous_self', messageId: 'learning.term.previous_self' });
    else if (next.previous_term_id && next.previous_term_id !== before.previous_term_id
      && !(await trx.selectFrom('learning_terms').select('id').where('id', '=', next.previous_term_id).executeTakeFirst())) {
      errors.push({ field: 'previousTermId', code: 'previous_unknown', messageId: 'learning.term.previous_unknown' });
    }
    if (errors.length > 0) throw invalid(errors);
    await trx.updateTable('learning_terms').set(next).where('id', '=', id).execute();
    await auditCatalogue(trx, ctx, { action: 'learning.term.update', targetType: 'learning_term', targetId: id, before: { ...before }, after: { ...before, ...next } }, now);
  });
}
