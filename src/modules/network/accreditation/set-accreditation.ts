import type { Kysely } from 'kysely';
import type { RequestContext, Actor } from '../../../core/access/actor.js';
import type { CoreContext } from '../../../core/context.js';
import { appendAudit } from '../../../core/audit/audit-log.js';
import type { Database } from '../../../core/db/schema.js';
import { invalid, type FieldError } from '../../../core/http/errors.js';
import { newId } from '../../../core/ids.js';
import { institutionsDb } from '../institutions/institutions-schema.js';
import { loadInScope } from '../institutions/commands/load-in-scope.js';
import type { SetAccreditationInput } from './accreditation-schemas.js';

/** A real calendar date (the schema checks only the shape: 2024-02-30 passes it). */
function isCalendarDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * The city admin sets a center's accreditation: the current row is replaced, the institution carries the
 * level (other parts read institutions.accreditation_level_id), and the change goes to the history and the
 * audit log, all in one transaction.
 */
export async function setAccreditation(core: CoreContext, ctx: RequestContext & { actor: Actor }, institutionId: string,
  input: SetAccreditationInput): Promise<void> {
  const now = core.clock.now();
  await institutionsDb(core).transaction().execute(async (trx) => {
    const institution = await loadInScope(trx, ctx.actor, 'network.accreditation.manage', institutionId);
    const errors: FieldError[] = [];
    const fail = (field: string, messageId: FieldError['messageId']) => errors.push({ field, code: messageId.split('.').pop()!, messageId });
    if (institution.tier !== 'center') fail('levelId', 'network.accreditation.not_a_center');
    const level = await trx.selectFrom('network_accreditation_levels').selectAll().where('id', '=', input.levelId).executeTakeFirst();
    if (!level) fail('levelId', 'network.accreditation.level_unknown');
    if (input.grantedOn !== null && !isCalendarDate(input.grantedOn)) fail('grantedOn', 'request.invalid');
    if (input.nextReviewOn !== null && !isCalendarDate(input.nextReviewOn)) fail('nextReviewOn', 'request.invalid');
    if (level && level.rank > 0 && input.grantedOn === null) fail('grantedOn', 'network.accreditation.date_required');
    if (input.grantedOn && input.nextReviewOn && input.nextReviewOn <= input.grantedOn) fail('nextReviewOn', 'network.accreditation.date_order');
    if (errors.length > 0) throw invalid(errors);

    const previous = await trx.selectFrom('network_accreditations').selectAll().where('institution_id', '=', institutionId).executeTakeFirst();
    const row = { level_id: input.levelId, granted_on: input.grantedOn, certificate_no: input.certificateNo.trim(),
      next_review_on: input.nextReviewOn, updated_by: ctx.actor.userId, updated_at: now.toISOString() };
    if (previous) await trx.updateTable('network_accreditations').set(row).where('institution_id', '=', institutionId).execute();
    else await trx.insertInto('network_accreditations').values({ institution_id: institutionId, ...row }).execute();
    await trx.updateTable('institutions').set({ accreditation_level_id: input.levelId }).where('id', '=', institutionId).execute();
    await trx.insertInto('network_accreditation_history').values({ id: newId(), institution_id: institutionId,
      from_level_id: previous?.level_id ?? institution.accreditation_level_id, level_id: input.levelId, granted_on: input.grantedOn,
      certificate_no: row.certificate_no, next_review_on: input.nextReviewOn, changed_by: ctx.actor.userId,
      changed_by_name: ctx.actor.displayName, changed_at: now.toISOString() }).execute();
    await appendAudit(trx as unknown as Kysely<Database>, ctx, { action: 'network.accreditation.set', targetType: 'institution', targetId: institutionId,
      before: previous ? { levelId: previous.level_id, grantedOn: previous.granted_on, certificateNo: previous.certificate_no, nextReviewOn: previous.next_review_on } : null,
      after: { levelId: input.levelId, grantedOn: input.grantedOn, certificateNo: row.certificate_no, nextReviewOn: input.nextReviewOn } }, now);
  });
}
