import type { RequestContext, Actor } from '../../../../core/access/actor.js';
import type { CoreContext } from '../../../../core/context.js';
import { appendAudit } from '../../../../core/audit/audit-log.js';
import type { Database } from '../../../../core/db/schema.js';
import type { Kysely } from 'kysely';
import { invalid } from '../../../../core/http/errors.js';
import { newId } from '../../../../core/ids.js';
import { institutionsDb } from '../institutions-schema.js';
import type { CreateInstitutionInput } from '../institution-schemas.js';
import { checkInstitution } from '../institution-rules.js';
import { auditedInstitution } from './load-in-scope.js';

/** Records a new institution in the actor's scope (a town admin: their town; the city admin: anywhere). */
export async function createInstitution(core: CoreContext, ctx: RequestContext & { actor: Actor }, input: CreateInstitutionInput): Promise<string> {
  const now = core.clock.now();
  const id = newId();
  return institutionsDb(core).transaction().execute(async (trx) => {
    const parentCenterId = input.parentCenterId ?? null;
    const { errors, regionPath } = await checkInstitution(trx, ctx.actor, 'network.institution.create', {
      id: null, name: input.name, tier: input.tier, kind: input.kind, regionId: input.regionId,
      parentCenterId, contactPhone: input.contactPhone?.trim() ?? '',
    });
    if (errors.length > 0) throw invalid(errors);
    const row = {
      id, name: input.name.trim(), kind: input.kind, region_id: input.regionId, path: `${regionPath}${id}/`,
      status: 'active' as const, created_at: now.toISOString(), tier: input.tier, accreditation_level_id: null,
      parent_center_id: parentCenterId, address: input.address?.trim() ?? '', opening_hours: input.openingHours?.trim() ?? '',
      contact_name: input.contactName?.trim() ?? '', contact_phone: input.contactPhone?.trim() ?? '',
      description: input.description?.trim() ?? '', version: 1, updated_at: now.toISOString(), retired_at: null,
    };
    await trx.insertInto('institutions').values(row).execute();
    await appendAudit(trx as unknown as Kysely<Database>, ctx, { action: 'network.institution.create', targetType: 'institution', targetId: id,
      after: auditedInstitution(row) }, now);
    return id;
  });
}
