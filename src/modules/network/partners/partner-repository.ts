import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../../core/access/actor.js';
import { containsText } from '../../../core/db/text-match.js';
import { pageParams, type PageResult } from '../../../core/http/pagination.js';
import type { NetworkPartnersTable, PartnerDatabase } from './partner-schema.js';
import { partnerReadable } from './partner-access.js';
import type { ListPartnersInput } from './partner-schemas.js';

export type PartnerRow = NetworkPartnersTable & { town_name: string };

function partnersWithTown(db: Kysely<PartnerDatabase>) {
  return db.selectFrom('network_partners as p').innerJoin('regions as r', 'r.id', 'p.region_id');
}

/** The partners the actor may read, filtered in SQL; a filter never widens the scope. */
export async function listPartners(db: Kysely<PartnerDatabase>, actor: Actor, input: ListPartnersInput): Promise<PageResult<PartnerRow>> {
  const { page, pageSize, offset } = pageParams(input);
  const base = partnersWithTown(db)
    .where(partnerReadable(actor, 'p'))
    .$if(input.townId !== undefined, (q) => q.where('p.region_id', '=', input.townId!))
    .$if(input.type !== undefined, (q) => q.where('p.type', '=', input.type!))
    .$if(Boolean(input.q?.trim()), (q) => q.where(containsText(sql.ref('p.name'), input.q!.trim())));
  const [{ n }] = await base.select((eb) => eb.fn.countAll<number>().as('n')).execute();
  const items = await base.selectAll('p').select('r.name as town_name')
    .orderBy('r.sort').orderBy('p.name').orderBy('p.id').limit(pageSize).offset(offset).execute();
  return { items, total: Number(n), page, pageSize };
}

/** One partner if it exists and the actor may read it (otherwise undefined: a denied partner looks missing). */
export async function findReadablePartner(db: Kysely<PartnerDatabase>, actor: Actor, id: string): Promise<PartnerRow | undefined> {
  return partnersWithTown(db).selectAll('p').select('r.name as town_name')
    .where('p.id', '=', id).where(partnerReadable(actor, 'p')).executeTakeFirst();
}

export async function findPartner(db: Kysely<PartnerDatabase>, id: string) {
  return db.selectFrom('network_partners').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function partnerChildren(db: Kysely<PartnerDatabase>, id: string) {
  const [contributions, agreements, institutions] = await Promise.all([
    db.selectFrom('network_partner_contributions').selectAll().where('partner_id', '=', id).orderBy('year', 'desc').orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('network_partner_agreements').selectAll().where('partner_id', '=', id).orderBy('valid_until', 'desc').orderBy('id').execute(),
    db.selectFrom('network_partner_institutions as l').innerJoin('institutions as i', 'i.id', 'l.institution_id')
      .select(['i.id', 'i.name', 'i.kind']).where('l.partner_id', '=', id).orderBy('i.name').execute(),
  ]);
  return { contributions, agreements, institutions };
}
