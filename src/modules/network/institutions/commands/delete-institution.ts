import type { Kysely } from 'kysely';
import type { RequestContext, Actor } from '../../../../core/access/actor.js';
import type { CoreContext } from '../../../../core/context.js';
import { appendAudit } from '../../../../core/audit/audit-log.js';
import type { Database } from '../../../../core/db/schema.js';
import { AppError } from '../../../../core/http/errors.js';
import { firstInstitutionDependent } from '../../../../core/regions/institution-dependents.js';
import { countActivePeople } from '../../people/people-service.js';
import { institutionsDb } from '../institutions-schema.js';
import { auditedInstitution, loadInScope } from './load-in-scope.js';
import { removeInstitutionMedia } from '../../media/commands/remove-institution-media.js';
import { discardFileBytes } from '../../../content/files/file-store.js';

/**
 * Deletes an institution recorded by mistake. Refused, with the reason, while anything depends on it:
 * active staff (people part), institutions under it, an accreditation history, role grants on it, and what other
 * modules register as depending on it (the learning module's courses and classes). Any other row that still
 * references the institution is caught by its foreign key and answered 409 too. The usual way out is retiring it.
 */
export async function deleteInstitution(core: CoreContext, ctx: RequestContext & { actor: Actor }, id: string): Promise<void> {
  const now = core.clock.now();
  const removed = await institutionsDb(core).transaction().execute(async (trx) => {
    const before = await loadInScope(trx, ctx.actor, 'network.institution.retire', id);
    const staff = await countActivePeople(trx, id);
    if (staff > 0) throw new AppError(409, 'network.institution.delete_has_staff', { count: staff });
    const members = await trx.selectFrom('institutions').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parent_center_id', '=', id).executeTakeFirstOrThrow();
    if (Number(members.n) > 0) throw new AppError(409, 'network.institution.delete_has_members', { count: Number(members.n) });
    const history = await trx.selectFrom('network_accreditation_history').select('id').where('institution_id', '=', id).executeTakeFirst();
    if (history) throw new AppError(409, 'network.institution.delete_has_history');
    const dependent = await firstInstitutionDependent(trx, id);
    if (dependent) throw new AppError(409, dependent.messageId, { count: dependent.count });
    const grant = await trx.selectFrom('role_assignments').select('id').where('scope_type', '=', 'institution').where('scope_id', '=', id).executeTakeFirst();
    if (grant) throw new AppError(409, 'network.institution.delete_referenced');
    await trx.deleteFrom('network_accreditations').where('institution_id', '=', id).execute();
    // Its photos and evidence files go with it (media/); their bytes only once the delete has committed.
    const media = await removeInstitutionMedia(trx, id);
    await trx.deleteFrom('institutions').where('id', '=', id).execute();
    await appendAudit(trx as unknown as Kysely<Database>, ctx, { action: 'network.institution.delete', targetType: 'institution', targetId: id,
      before: { ...auditedInstitution(before), photos: media.photos, evidenceFiles: media.evidence } }, now);
    return media.files;
  });
  await discardFileBytes(core, removed);
}
