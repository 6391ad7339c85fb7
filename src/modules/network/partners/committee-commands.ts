import type { Kysely } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import type { Actor, RequestContext } from '../../../core/access/actor.js';
import { isInScope } from '../../../core/access/scope.js';
import { invalid, notFound, type FieldError } from '../../../core/http/errors.js';
import { newId } from '../../../core/ids.js';
import { partnerDb, type NetworkCommitteeMembersTable, type PartnerDatabase } from './partner-schema.js';
import { PARTNER_MANAGE, PARTNER_READ, findTown, type TownRow } from './partner-access.js';
import { auditPartner } from './partner-commands.js';
import { phoneError } from './partner-rules.js';
import type { CommitteeInput } from './partner-schemas.js';

/** The town if it exists and the actor holds the permission over it; otherwise 404, as if it did not exist. */
export async function townFor(db: Kysely<PartnerDatabase>, actor: Actor, townId: string, permission: typeof PARTNER_READ | typeof PARTNER_MANAGE): Promise<TownRow> {
  const town = await findTown(db, townId);
  if (!town || !isInScope(actor, permission, town.path)) throw notFound('network.partner.town_not_found');
  return town;
}

export async function committeeMembers(db: Kysely<PartnerDatabase>, townId: string): Promise<NetworkCommitteeMembersTable[]> {
  return db.selectFrom('network_committee_members').selectAll().where('region_id', '=', townId).orderBy('sort').orderBy('id').execute();
}

/**
 * Replaces the town's committee (社区教育委员会) list with the one sent, in that order. Members keep their ids when the
 * client sends them back; a kept member sent without a phone keeps the stored one (the client only saw it masked).
 */
export async function replaceCommittee(core: CoreContext, ctx: RequestContext & { actor: Actor }, townId: string, input: CommitteeInput): Promise<void> {
  const now = core.clock.now();
  await partnerDb(core).transaction().execute(async (trx) => {
    const town = await townFor(trx, ctx.actor, townId, PARTNER_MANAGE);
    const current = await committeeMembers(trx, town.id);
    const byId = new Map(current.map((m) => [m.id, m]));
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    const rows: NetworkCommitteeMembersTable[] = input.members.map((m, i) => {
      const kept = m.id !== undefined ? byId.get(m.id) : undefined;
      if (m.id !== undefined && (!kept || seen.has(m.id))) errors.push({ field: `members.${i}.id`, code: 'not_found', messageId: 'network.partner.member_not_found' });
      if (m.id !== undefined) seen.add(m.id);
      const phone = m.phone !== undefined ? m.phone.trim() : kept?.phone ?? '';
      const bad = m.phone !== undefined ? phoneError(`members.${i}.phone`, phone) : null;
      if (bad) errors.push(bad);
      if (!m.department.trim()) errors.push({ field: `members.${i}.department`, code: 'required', messageId: 'field.required' });
      if (!m.contactName.trim()) errors.push({ field: `members.${i}.contactName`, code: 'required', messageId: 'field.required' });
      return {
        id: kept?.id ?? newId(), region_id: town.id, department: m.department.trim(), contact_name: m.contactName.trim(),
        position: (m.position ?? '').trim(), phone, sort: (i + 1) * 10,
      };
    });
    if (errors.length > 0) throw invalid(errors);
    await trx.deleteFrom('network_committee_members').where('region_id', '=', town.id).execute();
    if (rows.length > 0) await trx.insertInto('network_committee_members').values(rows).execute();
    const summary = (list: NetworkCommitteeMembersTable[]) => ({ members: list.map((m) => `${m.department}/${m.contact_name}/${m.position}`) });
    await auditPartner(trx, ctx, 'network.committee.replace', 'region', town.id, summary(current), summary(rows), now);
  });
}
