import { sql } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import type { Actor, RequestContext } from '../../../core/access/actor.js';
import { invalid, notFound, type FieldError } from '../../../core/http/errors.js';
import { newId } from '../../../core/ids.js';
import { startsWith } from '../../../core/db/text-match.js';
import { partnerDb, type NetworkPartnerAgreementsTable, type NetworkPartnerContributionsTable } from './partner-schema.js';
import { auditPartner, managedPartner } from './partner-commands.js';
import { isCalendarDate } from './partner-rules.js';
import type { CreateAgreementInput, CreateContributionInput } from './partner-schemas.js';

type Ctx = RequestContext & { actor: Actor };

export async function addContribution(core: CoreContext, ctx: Ctx, partnerId: string, input: CreateContributionInput): Promise<string> {
  const now = core.clock.now();
  return partnerDb(core).transaction().execute(async (trx) => {
    await managedPartner(trx, ctx.actor, partnerId);
    if (input.amount < 0) throw invalid([{ field: 'amount', code: 'negative', messageId: 'network.partner.amount_negative' }]);
    const row: NetworkPartnerContributionsTable = {
      id: newId(), partner_id: partnerId, kind: input.kind, description: (input.description ?? '').trim(),
      amount: input.amount, year: input.year, created_at: now.toISOString(),
    };
    await trx.insertInto('network_partner_contributions').values(row).execute();
    await auditPartner(trx, ctx, 'network.partner.contribution.create', 'network_partner', partnerId, null, row, now);
    return row.id;
  });
}

export async function removeContribution(core: CoreContext, ctx: Ctx, partnerId: string, id: string): Promise<void> {
  const now = core.clock.now();
  await partnerDb(core).transaction().execute(async (trx) => {
    await managedPartner(trx, ctx.actor, partnerId);
    const row = await trx.selectFrom('network_partner_contributions').selectAll().where('id', '=', id).where('partner_id', '=', partnerId).executeTakeFirst();
    if (!row) throw notFound('network.partner.part_not_found');
    await trx.deleteFrom('network_partner_contributions').where('id', '=', id).execute();
    await auditPartner(trx, ctx, 'network.partner.contribution.delete', 'network_partner', partnerId, row, null, now);
  });
}

export async function addAgreement(core: CoreContext, ctx: Ctx, partnerId: string, input: CreateAgreementInput): Promise<string> {
  const now = core.clock.now();
  return partnerDb(core).transaction().execute(async (trx) => {
    await managedPartner(trx, ctx.actor, partnerId);
    const errors: FieldError[] = [];
    if (!input.title.trim()) errors.push({ field: 'title', code: 'required', messageId: 'field.required' });
    for (const field of ['signedOn', 'validFrom', 'validUntil'] as const) {
      if (!isCalendarDate(input[field])) errors.push({ field, code: 'format', messageId: 'network.partner.date_format' });
    }
    if (errors.length === 0 && input.validUntil < input.validFrom) {
      errors.push({ field: 'validUntil', code: 'before_start', messageId: 'network.partner.valid_until_before_from' });
    }
    if (errors.length > 0) throw invalid(errors);
    const row: NetworkPartnerAgreementsTable = {
      id: newId(), partner_id: partnerId, title: input.title.trim(), signed_on: input.signedOn, valid_from: input.validFrom,
      valid_until: input.validUntil, notes: input.notes ?? '', created_at: now.toISOString(),
    };
    await trx.insertInto('network_partner_agreements').values(row).execute();
    await auditPartner(trx, ctx, 'network.partner.agreement.create', 'network_partner', partnerId, null, row, now);
    return row.id;
  });
}

export async function removeAgreement(core: CoreContext, ctx: Ctx, partnerId: string, id: string): Promise<void> {
  const now = core.clock.now();
  await partnerDb(core).transaction().execute(async (trx) => {
    await managedPartner(trx, ctx.actor, partnerId);
    const row = await trx.selectFrom('network_partner_agreements').selectAll().where('id', '=', id).where('partner_id', '=', partnerId).executeTakeFirst();
    if (!row) throw notFound('network.partner.part_not_found');
    await trx.deleteFrom('network_partner_agreements').where('id', '=', id).execute();
    await auditPartner(trx, ctx, 'network.partner.agreement.delete', 'network_partner', partnerId, row, null, now);
  });
}

/** Replaces the list of institutions the partner works with; every one must lie in the partner's town. */
export async function setInstitutionLinks(core: CoreContext, ctx: Ctx, partnerId: string, institutionIds: string[]): Promise<void> {
  const now = core.clock.now();
  const wanted = [...new Set(institutionIds)];
  await partnerDb(core).transaction().execute(async (trx) => {
    const partner = await managedPartner(trx, ctx.actor, partnerId);
    const found = wanted.length === 0 ? [] : await trx.selectFrom('institutions').select('id')
      .where('id', 'in', wanted).where(startsWith(sql.ref('path'), partner.path)).execute();
    const inTown = new Set(found.map((r) => r.id));
    const errors: FieldError[] = institutionIds.flatMap((id, i) => inTown.has(id) ? [] : [{
      field: `institutionIds.${i}`, code: 'not_in_town', messageId: 'network.partner.institution_not_in_town' as const,
    }]);
    if (errors.length > 0) throw invalid(errors);
    const before = (await trx.selectFrom('network_partner_institutions').select('institution_id').where('partner_id', '=', partnerId).execute()).map((r) => r.institution_id);
    await trx.deleteFrom('network_partner_institutions').where('partner_id', '=', partnerId).execute();
    if (wanted.length > 0) await trx.insertInto('network_partner_institutions').values(wanted.map((id) => ({ partner_id: partnerId, institution_id: id }))).execute();
    await auditPartner(trx, ctx, 'network.partner.institutions.set', 'network_partner', partnerId, { institutionIds: before.sort() }, { institutionIds: [...wanted].sort() }, now);
  });
}
