import type { Actor, RequestContext } from '../../../../core/access/actor.js';
import { appendAudit } from '../../../../core/audit/audit-log.js';
import type { CoreContext } from '../../../../core/context.js';
import { newId } from '../../../../core/ids.js';
import { protectIdNumber, protectPhone } from '../person-fields.js';
import { peopleDb } from '../people-schema.js';
import type { CreatePersonInput } from '../people-schemas.js';
import { assertIdNumberFree, assertManageableInstitution, assertUserExists } from './person-checks.js';

/** Records a staff member or teacher at an institution in the caller's scope; audited in the same transaction. */
export async function createPerson(core: CoreContext, ctx: RequestContext & { actor: Actor }, input: CreatePersonInput): Promise<string> {
  const now = core.clock.now();
  // Format checks first: a malformed phone or ID number is refused before anything touches the database.
  const phone = protectPhone(core.fieldCrypto, input.phone ?? null);
  const idNumber = protectIdNumber(core.fieldCrypto, input.idNumber ?? null, now);
  const id = newId();
  await peopleDb(core).transaction().execute(async (trx) => {
    await assertManageableInstitution(trx, ctx.actor, input.institutionId);
    if (input.userId) await assertUserExists(trx, input.userId);
    if (idNumber.hash) await assertIdNumberFree(trx, idNumber.hash, null);
    const at = now.toISOString();
    await trx.insertInto('network_people').values({
      id, institution_id: input.institutionId, user_id: input.userId ?? null, name: input.name.trim(),
      employment: input.employment, title: (input.title ?? '').trim(), subjects: (input.subjects ?? '').trim(),
      qualifications: (input.qualifications ?? '').trim(),
      phone_enc: phone.enc, phone_hash: phone.hash, id_number_enc: idNumber.enc, id_number_hash: idNumber.hash,
      status: 'active', left_at: null, version: 1, created_at: at, updated_at: at,
    }).execute();
    // appendAudit masks phone and idNumber by key (personal-fields.ts), so the log holds the masked form only.
    await appendAudit(trx, ctx, {
      action: 'network.person.create', targetType: 'network_person', targetId: id,
      after: { institutionId: input.institutionId, name: input.name.trim(), employment: input.employment, phone: phone.plain, idNumber: idNumber.plain },
    }, now);
  });
  return id;
}
