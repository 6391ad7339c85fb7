import type { Actor, RequestContext } from '../../../../core/access/actor.js';
import { appendAudit } from '../../../../core/audit/audit-log.js';
import type { CoreContext } from '../../../../core/context.js';
import { loadVisiblePerson } from '../people-repository.js';
import { peopleDb } from '../people-schema.js';

/**
 * The full ID number of one person, for a caller holding network.staff.reveal_id over them (the city admin).
 * The viewing is written to the audit log in the same transaction: no audit entry, no number.
 */
export async function revealIdNumber(core: CoreContext, ctx: RequestContext & { actor: Actor }, id: string): Promise<{ idNumber: string | null }> {
  const now = core.clock.now();
  return peopleDb(core).transaction().execute(async (trx) => {
    const row = await loadVisiblePerson(trx, ctx.actor, id, 'network.staff.reveal_id');
    const idNumber = row.id_number_enc ? core.fieldCrypto.decrypt(row.id_number_enc) : null;
    await appendAudit(trx, ctx, { action: 'network.person.reveal_id', targetType: 'network_person', targetId: id,
      after: { field: 'idNumber', recorded: idNumber !== null } }, now);
    return { idNumber };
  });
}
