import type { Kysely } from 'kysely';
import type { RequestContext, Actor } from '../../../../core/access/actor.js';
import type { CoreContext } from '../../../../core/context.js';
import { appendAudit } from '../../../../core/audit/audit-log.js';
import type { Database } from '../../../../core/db/schema.js';
import { AppError, invalid, invalidField } from '../../../../core/http/errors.js';
import { isInScope } from '../../../../core/access/scope.js';
import { institutionsDb } from '../institutions-schema.js';
import type { UpdateInstitutionInput } from '../institution-schemas.js';
import type { InstitutionKind } from '../institution-kinds.js';
import { checkInstitution, countActiveMembers } from '../institution-rules.js';
import { auditedInstitution, loadInScope } from './load-in-scope.js';

/**
 * A partial edit with optimistic concurrency: the body carries the version the editor read; when someone
 * saved in between, 409 and nothing changes. The version check is part of the UPDATE's WHERE so two
 * concurrent saves cannot both pass it. An institution admin may edit the descriptive fields of their
 * own institution; its name, tier, kind and center are the town's or city's decision.
 */
export async function updateInstitution(core: CoreContext, ctx: RequestContext & { actor: Actor }, id: string, input: UpdateInstitutionInput): Promise<void> {
  const now = core.clock.now();
  await institutionsDb(core).transaction().execute(async (trx) => {
    const before = await loadInScope(trx, ctx.actor, 'network.institution.update', id);
    if (before.version !== input.version) throw new AppError(409, 'network.institution.version_conflict', { current: before.version });

    const next = {
      name: input.name?.trim() ?? before.name,
      tier: input.tier ?? before.tier!,
      kind: (input.kind ?? before.kind) as InstitutionKind,
      regionId: input.regionId ?? before.region_id,
      parentCenterId: input.parentCenterId !== undefined ? input.parentCenterId : before.parent_center_id,
      contactPhone: input.contactPhone?.trim() ?? before.contact_phone,
    };
    const structural = next.name !== before.name || next.tier !== before.tier || next.kind !== before.kind
      || next.parentCenterId !== before.parent_center_id;
    if (structural && !isInScope(ctx.actor, 'network.institution.create', before.path)) {
      throw invalidField('name', 'network.institution.structure_forbidden');
    }
    // Moving would change the path that role grants and other modules' records carry: retire and re-record instead.
    if (next.regionId !== before.region_id) throw invalidField('regionId', 'network.institution.region_fixed');

    const { errors } = await checkInstitution(trx, ctx.actor, null, { id, ...next });
    if (before.tier === 'center' && next.tier !== 'center') {
      const members = await countActiveMembers(trx, id);
      if (members > 0) errors.push({ field: 'tier', code: 'center_has_members', messageId: 'network.institution.center_has_members', params: { count: members } });
    }
    if (errors.length > 0) throw invalid(errors);

    const changes = {
      name: next.name, tier: next.tier, kind: next.kind, parent_center_id: next.tier === 'center' ? null : next.parentCenterId,
      address: input.address?.trim() ?? before.address, opening_hours: input.openingHours?.trim() ?? before.opening_hours,
      contact_name: input.contactName?.trim() ?? before.contact_name, contact_phone: next.contactPhone,
      description: input.description?.trim() ?? before.description,
      // A center that stops being one loses its accreditation level on the row (history keeps it).
      accreditation_level_id: next.tier === 'center' ? before.accreditation_level_id : null,
      version: before.version + 1, updated_at: now.toISOString(),
    };
    const result = await trx.updateTable('institutions').set(changes)
      .where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError(409, 'network.institution.version_conflict', { current: before.version + 1 });
    await appendAudit(trx as unknown as Kysely<Database>, ctx, { action: 'network.institution.update', targetType: 'institution', targetId: id,
      before: auditedInstitution(before), after: auditedInstitution({ ...before, ...changes }) }, now);
  });
}
