import type { Actor, RequestContext } from '../../../../core/access/actor.js';
import { appendAudit } from '../../../../core/audit/audit-log.js';
import type { CoreContext } from '../../../../core/context.js';
import { conflict } from '../../../../core/http/errors.js';
import { loadVisiblePerson } from '../people-repository.js';
import { peopleDb } from '../people-schema.js';

/** Marks a person as having left: the record stays (history, past reports), it just stops counting as staff. */
export async function markPersonLeft(core: CoreContext, ctx: RequestContext & { actor: Actor }, id: string, version: number): Promise<void> {
  const now = core.clock.now();
  await peopleDb(core).transaction().execute(async (trx) => {
    const row = await loadVisiblePerson(trx, ctx.actor, id, 'network.staff.manage');
    if (Number(row.version) !== version) throw conflict('network.people.version_conflict');
    if (row.status === 'left') throw conflict('network.people.already_left');
    const at = now.toISOString();
    const updated = await trx.updateTable('network_people')
      .set({ status: 'left', left_at: at, version: version + 1, updated_at: at })
      .where('id', '=', id).where('version', '=', version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw conflict('network.people.version_conflict');
    await appendAudit(trx, ctx, { action: 'network.person.leave', targetType: 'network_person', targetId: id,
      before: { status: row.status }, after: { status: 'left' } }, now);
  });
}
