import type { Kysely } from 'kysely';
import type { RequestContext, Actor } from '../../../../core/access/actor.js';
import type { CoreContext } from '../../../../core/context.js';
import { appendAudit } from '../../../../core/audit/audit-log.js';
import type { Database } from '../../../../core/db/schema.js';
import { AppError, invalidField } from '../../../../core/http/errors.js';
import { institutionsDb } from '../institutions-schema.js';
import { countActiveMembers } from '../institution-rules.js';
import { loadInScope } from './load-in-scope.js';

/**
 * Retires an institution: it stays in the records (history, accreditation, staff who worked there) but
 * leaves the public pages and can no longer be chosen as a center. A center with active members under it
 * is refused: those must move or retire first.
 */
export async function retireInstitution(core: CoreContext, ctx: RequestContext & { actor: Actor }, id: string, version: number): Promise<void> {
  const now = core.clock.now();
  await institutionsDb(core).transaction().execute(async (trx) => {
    const before = await loadInScope(trx, ctx.actor, 'network.institution.retire', id);
    if (before.version !== version) throw new AppError(409, 'network.institution.version_conflict', { current: before.version });
    if (before.status === 'retired') throw new AppError(409, 'network.institution.already_retired');
    const members = await countActiveMembers(trx, id);
    if (members > 0) throw invalidField('id', 'network.institution.center_has_members', 'center_has_members', { count: members });
    const result = await trx.updateTable('institutions')
      .set({ status: 'retired', retired_at: now.toISOString(), updated_at: now.toISOString(), version: before.version + 1 })
      .where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError(409, 'network.institution.version_conflict', { current: before.version + 1 });
    await appendAudit(trx as unknown as Kysely<Database>, ctx, { action: 'network.institution.retire', targetType: 'institution', targetId: id,
      before: { status: before.status, version: before.version }, after: { status: 'retired', version: before.version + 1 } }, now);
  });
}
