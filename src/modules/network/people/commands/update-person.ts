import type { Actor, RequestContext } from '../../../../core/access/actor.js';
import { appendAudit } from '../../../../core/audit/audit-log.js';
import type { CoreContext } from '../../../../core/context.js';
import { conflict } from '../../../../core/http/errors.js';
import { protectIdNumber, protectPhone } from '../person-fields.js';
import { loadVisiblePerson } from '../people-repository.js';
import { peopleDb, type NetworkPeopleTable } from '../people-schema.js';
import type { UpdatePersonInput } from '../people-schemas.js';
import { assertIdNumberFree, assertManageableInstitution, assertUserExists } from './person-checks.js';

type Changes = Partial<Omit<NetworkPeopleTable, 'id' | 'created_at'>>;
const TEXT_FIELDS = [['name', 'name'], ['title', 'title'], ['subjects', 'subjects'], ['qualifications', 'qualifications']] as const;

/**
 * Changes a person's record. `version` must be the one the editor loaded: a stale version is a 409 (two
 * admins editing the same person), and the row update is guarded by it too, so a race cannot slip through.
 */
export async function updatePerson(core: CoreContext, ctx: RequestContext & { actor: Actor }, id: string, input: UpdatePersonInput): Promise<void> {
  const now = core.clock.now();
  const phone = input.phone !== undefined ? protectPhone(core.fieldCrypto, input.phone) : undefined;
  const idNumber = input.idNumber !== undefined ? protectIdNumber(core.fieldCrypto, input.idNumber, now) : undefined;
  await peopleDb(core).transaction().execute(async (trx) => {
    const row = await loadVisiblePerson(trx, ctx.actor, id, 'network.staff.manage');
    if (Number(row.version) !== input.version) throw conflict('network.people.version_conflict');
    const changes: Changes = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const note = (key: string, old: unknown, next: unknown) => { before[key] = old; after[key] = next; };

    if (input.institutionId !== undefined && input.institutionId !== row.institution_id) {
      // Moving someone needs the right over the institution they go to as well as the one they leave.
      await assertManageableInstitution(trx, ctx.actor, input.institutionId);
      changes.institution_id = input.institutionId;
      note('institutionId', row.institution_id, input.institutionId);
    }
    if (input.userId !== undefined && input.userId !== row.user_id) {
      if (input.userId !== null) await assertUserExists(trx, input.userId);
      changes.user_id = input.userId;
      note('userId', row.user_id, input.userId);
    }
    for (const [key, column] of TEXT_FIELDS) {
      const value = input[key]?.trim();
      if (value !== undefined && value !== row[column]) {
        changes[column] = value;
        note(key, row[column], value);
      }
    }
    if (input.employment !== undefined && input.employment !== row.employment) {
      changes.employment = input.employment;
      note('employment', row.employment, input.employment);
    }
    if (phone && phone.hash !== row.phone_hash) {
      changes.phone_enc = phone.enc;
      changes.phone_hash = phone.hash;
      note('phone', row.phone_enc ? core.fieldCrypto.decrypt(row.phone_enc) : null, phone.plain);
    }
    if (idNumber && idNumber.hash !== row.id_number_hash) {
      if (idNumber.hash) await assertIdNumberFree(trx, idNumber.hash, id);
      changes.id_number_enc = idNumber.enc;
      changes.id_number_hash = idNumber.hash;
      note('idNumber', row.id_number_enc ? core.fieldCrypto.decrypt(row.id_number_enc) : null, idNumber.plain);
    }
    if (Object.keys(changes).length === 0) return;
    const updated = await trx.updateTable('network_people')
      .set({ ...changes, version: input.version + 1, updated_at: now.toISOString() })
      .where('id', '=', id).where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw conflict('network.people.version_conflict');
    await appendAudit(trx, ctx, { action: 'network.person.update', targetType: 'network_person', targetId: id, before, after }, now);
  });
}
