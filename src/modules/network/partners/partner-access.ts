import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Actor } from '../../../core/access/actor.js';
import { isInScope, pathUnder, scopePathsFor } from '../../../core/access/scope.js';
import type { PartnerDatabase } from './partner-schema.js';

export const PARTNER_READ = 'network.partner.read';
export const PARTNER_MANAGE = 'network.partner.manage';

/**
 * Who sees a partner: anyone whose read scope covers the partner's town, and an institution admin whose
 * institution works with the partner (their scope is the institution, below the town). As SQL, so lists
 * and filters never return a partner the caller could not open.
 */
export function partnerReadable(actor: Actor, partnerRef: string): Expression<SqlBool> {
  const paths = scopePathsFor(actor, PARTNER_READ);
  if (paths.length === 0) return sql<SqlBool>`1 = 0`;
  const partnerId = sql.ref(`${partnerRef}.id`);
  const viaLink = sql<SqlBool>`exists (select 1 from network_partner_institutions npi
    join institutions i on i.id = npi.institution_id
    where npi.partner_id = ${partnerId} and ${pathUnder(sql.ref('i.path'), paths)})`;
  return sql<SqlBool>`(${pathUnder(sql.ref(`${partnerRef}.path`), paths)} or ${viaLink})`;
}

export function canManagePartnerAt(actor: Actor, townPath: string): boolean {
  return isInScope(actor, PARTNER_MANAGE, townPath);
}

export interface TownRow { id: string; name: string; path: string }

/** A town region by id (villages and the city are not towns). */
export async function findTown(db: Kysely<PartnerDatabase>, townId: string): Promise<TownRow | undefined> {
  return db.selectFrom('regions').select(['id', 'name', 'path']).where('id', '=', townId).where('level', '=', 'town').executeTakeFirst();
}
