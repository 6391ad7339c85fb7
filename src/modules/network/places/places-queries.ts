import { sql, type Kysely } from 'kysely';
import type { InstitutionsDatabase } from '../institutions/institutions-schema.js';
import { findInstitution, institutionQuery, listInstitutions, type InstitutionRow } from '../institutions/institution-repository.js';

export interface PlacesFilter { town: string; village: string; kind: string }

/** Towns and their villages for the filter lists, in the regions' own order. */
export async function placeRegions(db: Kysely<InstitutionsDatabase>) {
  const rows = await db.selectFrom('regions').select(['id', 'name', 'level', 'parent_id', 'path'])
    .where('level', 'in', ['town', 'village']).orderBy('sort').orderBy('id').execute();
  const towns = rows.filter((r) => r.level === 'town');
  return { towns, villagesOf: (townId: string) => rows.filter((r) => r.level === 'village' && r.parent_id === townId), byId: new Map(rows.map((r) => [r.id, r])) };
}

/** Every active network institution matching the filter (all of them fit one page: a city has a few hundred). */
export async function listPlaces(db: Kysely<InstitutionsDatabase>, regionPath: string | undefined, kind: string | undefined): Promise<InstitutionRow[]> {
  return (await listInstitutions(db, { status: 'active', regionPath, kind }, { offset: 0, pageSize: 5000 })).rows;
}

/** An active network institution for its public page; undefined when unknown, retired or not in the network. */
export async function findPlace(db: Kysely<InstitutionsDatabase>, id: string) {
  const row = await findInstitution(db, id);
  if (!row || row.status !== 'active') return undefined;
  const accreditation = row.tier === 'center'
    ? await db.selectFrom('network_accreditations').select(['granted_on']).where('institution_id', '=', id).executeTakeFirst() : undefined;
  const members = row.tier === 'center'
    ? await institutionQuery(db).where('i.parent_center_id', '=', id).where('i.status', '=', 'active').orderBy('i.name').execute() : [];
  return { row, grantedOn: accreditation?.granted_on ?? null, members };
}

/**
 * What the anonymous page cache keys on: any write to an institution bumps its version/updated_at, a delete
 * lowers the count, accreditation and level renames have their own tables. One cheap query.
 */
export async function placesStamp(db: Kysely<InstitutionsDatabase>): Promise<string> {
  const row = await db.selectFrom('institutions').select([
    (eb) => eb.fn.countAll<number>().as('n'),
    (eb) => eb.fn.sum<number>('version').as('versions'),
    (eb) => eb.fn.max('updated_at').as('updated'),
    sql<string>`(select max(${sql.ref('updated_at')}) from ${sql.table('network_accreditations')})`.as('accredited'),
  ]).executeTakeFirstOrThrow();
  const levels = await db.selectFrom('network_accreditation_levels').select(['name_zh', 'name_en']).orderBy('rank').execute();
  return [row.n, row.versions, String(row.updated), String(row.accredited), ...levels.map((l) => `${l.name_zh}/${l.name_en}`)].join('|');
}
