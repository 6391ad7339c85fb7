import type { Actor, RequestContext } from '../../../../core/access/actor.js';
import { appendAudit } from '../../../../core/audit/audit-log.js';
import type { CoreContext } from '../../../../core/context.js';
import { peopleOfUser } from '../people-repository.js';
import { peopleDb } from '../people-schema.js';

/**
 * A person may see their own full ID number and phone (PIPL: access to one's own data): the staff records
 * linked to the caller's account, unmasked. It is a deliberate, audited action, never part of a list or a GET.
 */
export async function revealOwnRecords(core: CoreContext, ctx: RequestContext & { actor: Actor }) {
  const now = core.clock.now();
  return peopleDb(core).transaction().execute(async (trx) => {
    const rows = await peopleOfUser(trx, ctx.actor.userId);
    if (rows.length > 0) {
      // The target is the caller's own account; the records shown are listed by id.
      await appendAudit(trx, ctx, { action: 'network.person.reveal_own', targetType: 'user', targetId: ctx.actor.userId,
        after: { personIds: rows.map((row) => row.id) } }, now);
    }
    return rows.map((row) => ({
      id: row.id, institutionId: row.institution_id, institutionName: row.institution_name, name: row.name,
      employment: row.employment, status: row.status,
      phone: row.phone_enc ? core.fieldCrypto.decrypt(row.phone_enc) : null,
      idNumber: row.id_number_enc ? core.fieldCrypto.decrypt(row.id_number_enc) : null,
    }));
  });
}
