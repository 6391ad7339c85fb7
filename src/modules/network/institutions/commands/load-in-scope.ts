import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../../../core/access/actor.js';
import { isInScope } from '../../../../core/access/scope.js';
import { notFound } from '../../../../core/http/errors.js';
import type { InstitutionsDatabase } from '../institutions-schema.js';

/** The network institution's row when it exists and lies in the actor's scope for the permission; else 404. */
export async function loadInScope(db: Kysely<InstitutionsDatabase> | Transaction<InstitutionsDatabase>,
  actor: Actor, permission: string, id: string) {
  const row = await db.selectFrom('institutions').selectAll().where('id', '=', id).where('tier', 'is not', null).executeTakeFirst();
  if (!row || !isInScope(actor, permission, row.path)) throw notFound('network.institution.not_found');
  return row;
}

/** The fields an audit entry records for an institution. */
export function auditedInstitution(row: { name: string; tier: string | null; kind: string; region_id: string;
  parent_center_id: string | null; address: string; opening_hours: string; contact_name: string; contact_phone: string;
  status: string; version: number }) {
  return {
    name: row.name, tier: row.tier, kind: row.kind, regionId: row.region_id, parentCenterId: row.parent_center_id,
    address: row.address, openingHours: row.opening_hours, contactName: row.contact_name, contactPhone: row.contact_phone,
    status: row.status, version: row.version,
  };
}
