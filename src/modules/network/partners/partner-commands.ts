import type { Kysely } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import type { RequestContext, Actor } from '../../../core/access/actor.js';
import { appendAudit } from '../../../core/audit/audit-log.js';
import { conflict, invalid, notFound, type FieldError } from '../../../core/http/errors.js';
import { newId } from '../../../core/ids.js';
import { maskPhone } from '../../../core/pii/mask.js';
import { partnerDb, type NetworkPartnersTable, type PartnerDatabase } from './partner-schema.js';
import { canManagePartnerAt, findTown } from './partner-access.js';
import { findPartner } from './partner-repository.js';
import { phoneError } from './partner-rules.js';
import type { CreatePartnerInput, UpdatePartnerInput } from './partner-schemas.js';

type Db = Kysely<PartnerDatabase>;

/** Phones go into the log masked whatever the column is called (the shared masker knows `phone`, not `contact_phone`). */
function maskPhones(record: object | null): Record<string, unknown> | null {
  if (!record) return null;
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, /phone/i.test(k) && typeof v === 'string' ? maskPhone(v) : v]));
}

export function auditPartner(trx: Db, ctx: RequestContext, action: string, targetType: string, id: string,
  before: object | null, after: object | null, now: Date) {
  return appendAudit(trx as never, ctx, { action, targetType, targetId: id, before: maskPhones(before), after: maskPhones(after) }, now);
}

/** The partner the actor may change, or 404 (missing and out-of-scope look the same). */
export async function managedPartner(trx: Db, actor: Actor, id: string): Promise<NetworkPartnersTable> {
  const partner = await findPartner(trx, id);
  if (!partner || !canManagePartnerAt(actor, partner.path)) throw notFound('network.partner.not_found');
  return partner;
}

async function checkNameFree(trx: Db, regionId: string, name: string, selfId: string | null, errors: FieldError[]) {
  const holder = await trx.selectFrom('network_partners').select('id').where('region_id', '=', regionId).where('name', '=', name).executeTakeFirst();
  if (holder && holder.id !== selfId) errors.push({ field: 'name', code: 'duplicate', messageId: 'network.partner.name_taken', params: { name } });
}

export async function createPartner(core: CoreContext, ctx: RequestContext & { actor: Actor }, input: CreatePartnerInput): Promise<string> {
  const now = core.clock.now();
  return partnerDb(core).transaction().execute(async (trx) => {
    const errors: FieldError[] = [];
    const name = input.name.trim();
    if (!name) errors.push({ field: 'name', code: 'required', messageId: 'field.required' });
    // A town outside the caller's scope is reported exactly like an unknown one.
    const town = await findTown(trx, input.townId);
    if (!town || !canManagePartnerAt(ctx.actor, town.path)) errors.push({ field: 'townId', code: 'not_found', messageId: 'network.partner.town_not_found' });
    const phone = (input.contactPhone ?? '').trim();
    const bad = phoneError('contactPhone', phone);
    if (bad) errors.push(bad);
    if (town && name) await checkNameFree(trx, town.id, name, null, errors);
    if (errors.length > 0 || !town) throw invalid(errors);
    const at = now.toISOString();
    const row: NetworkPartnersTable = {
      id: newId(), name, type: input.type, region_id: town.id, path: town.path,
      contact_name: (input.contactName ?? '').trim(), contact_phone: phone, description: input.description ?? '',
      status: input.status ?? 'active', version: 1, created_at: at, updated_at: at,
    };
    await trx.insertInto('network_partners').values(row).execute();
    await auditPartner(trx, ctx, 'network.partner.create', 'network_partner', row.id, null, row, now);
    return row.id;
  });
}

export async function updatePartner(core: CoreContext, ctx: RequestContext & { actor: Actor }, id: string, input: UpdatePartnerInput): Promise<void> {
  const now = core.clock.now();
  await partnerDb(core).transaction().execute(async (trx) => {
    const current = await managedPartner(trx, ctx.actor, id);
    if (Number(current.version) !== input.version) throw conflict('network.partner.stale', { version: Number(current.version) });
    const errors: FieldError[] = [];
    const changes: Partial<NetworkPartnersTable> = {};
    if (input.name !== undefined) {
      const name = input.name.trim();
      if (!name) errors.push({ field: 'name', code: 'required', messageId: 'field.required' });
      else if (name !== current.name) { await checkNameFree(trx, current.region_id, name, id, errors); changes.name = name; }
    }
    if (input.contactPhone !== undefined) {
      const phone = input.contactPhone.trim();
      const bad = phoneError('contactPhone', phone);
      if (bad) errors.push(bad);
      changes.contact_phone = phone;
    }
    if (errors.length > 0) throw invalid(errors);
    if (input.type !== undefined) changes.type = input.type;
    if (input.contactName !== undefined) changes.contact_name = input.contactName.trim();
    if (input.description !== undefined) changes.description = input.description;
    if (input.status !== undefined) changes.status = input.status;
    // The version guard in the WHERE clause too: two saves racing past the read above cannot both win.
    const result = await trx.updateTable('network_partners')
      .set({ ...changes, version: input.version + 1, updated_at: now.toISOString() })
      .where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict('network.partner.stale', { version: Number(current.version) });
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, current[k as keyof NetworkPartnersTable]]));
    await auditPartner(trx, ctx, 'network.partner.update', 'network_partner', id, before, changes, now);
  });
}

/** Removes the partner with its contributions, agreements and links (they mean nothing without it). */
export async function removePartner(core: CoreContext, ctx: RequestContext & { actor: Actor }, id: string): Promise<void> {
  const now = core.clock.now();
  await partnerDb(core).transaction().execute(async (trx) => {
    const current = await managedPartner(trx, ctx.actor, id);
    // Explicit deletes rather than relying on ON DELETE CASCADE, which SQLite honours only with foreign_keys on.
    await trx.deleteFrom('network_partner_institutions').where('partner_id', '=', id).execute();
    await trx.deleteFrom('network_partner_agreements').where('partner_id', '=', id).execute();
    await trx.deleteFrom('network_partner_contributions').where('partner_id', '=', id).execute();
    await trx.deleteFrom('network_partners').where('id', '=', id).execute();
    await auditPartner(trx, ctx, 'network.partner.delete', 'network_partner', id, current, null, now);
  });
}
