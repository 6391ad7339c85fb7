import { type Kysely, type SqlBool, type Expression, sql } from 'kysely';
import { containsText, startsWith } from '../../../core/db/text-match.js';
import type { InstitutionsDatabase, InstitutionTier } from './institutions-schema.js';

export interface InstitutionFilter {
  /** Only rows whose path lies under one of these (the caller's scope); undefined = everywhere (public pages). */
  scopePaths?: string[];
  /** Region path filters (a town's or a village's path). */
  regionPath?: string;
  tier?: InstitutionTier;
  kind?: string;
  status?: 'active' | 'retired';
  q?: string;
}

/** One institution with its region, town, parent center and accreditation level, ready to present. */
export function institutionQuery(db: Kysely<InstitutionsDatabase>) {
  return db.selectFrom('institutions as i')
    .innerJoin('regions as r', 'r.id', 'i.region_id')
    .leftJoin('regions as pr', 'pr.id', 'r.parent_id')
    .leftJoin('institutions as pc', 'pc.id', 'i.parent_center_id')
    .leftJoin('network_accreditation_levels as al', 'al.id', 'i.accreditation_level_id')
    .select([
      'i.id', 'i.name', 'i.tier', 'i.kind', 'i.status', 'i.path', 'i.region_id', 'i.parent_center_id',
      'i.accreditation_level_id', 'i.address', 'i.opening_hours', 'i.contact_name', 'i.contact_phone', 'i.description',
      'i.version', 'i.created_at', 'i.updated_at', 'i.retired_at',
      'r.name as region_name', 'r.level as region_level', 'r.parent_id as region_parent_id', 'r.sort as region_sort',
      'pr.name as region_parent_name', 'pr.sort as region_parent_sort', 'pc.name as parent_center_name',
      'al.name_zh as level_name_zh', 'al.name_en as level_name_en',
    ])
    // Network institutions only: core's 'employer' entries have no tier.
    .where('i.tier', 'is not', null);
}
export type InstitutionRow = Awaited<ReturnType<ReturnType<typeof institutionQuery>['executeTakeFirstOrThrow']>>;

function filterConditions(filter: InstitutionFilter) {
  return (eb: { and: (e: Expression<SqlBool>[]) => Expression<SqlBool> }) => {
    const parts: Expression<SqlBool>[] = [];
    if (filter.scopePaths) {
      parts.push(filter.scopePaths.length === 0 ? sql<SqlBool>`1 = 0`
        : sql<SqlBool>`(${sql.join(filter.scopePaths.map((p) => startsWith(sql.ref('i.path'), p)), sql` or `)})`);
    }
    if (filter.regionPath) parts.push(startsWith(sql.ref('i.path'), filter.regionPath));
    if (filter.tier) parts.push(sql<SqlBool>`${sql.ref('i.tier')} = ${filter.tier}`);
    if (filter.kind) parts.push(sql<SqlBool>`${sql.ref('i.kind')} = ${filter.kind}`);
    if (filter.status) parts.push(sql<SqlBool>`${sql.ref('i.status')} = ${filter.status}`);
    if (filter.q) parts.push(containsText(sql.ref('i.name'), filter.q));
    return eb.and(parts);
  };
}

/** A page of institutions in a stable order: town, then village (town-level ones first), tier, name, id. */
export async function listInstitutions(db: Kysely<InstitutionsDatabase>, filter: InstitutionFilter,
  page: { offset: number; pageSize: number }): Promise<{ rows: InstitutionRow[]; total: number }> {
  const where = filterConditions(filter);
  const total = await db.selectFrom('institutions as i').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('i.tier', 'is not', null).where(where).executeTakeFirstOrThrow();
  const rows = await institutionQuery(db).where(where)
    .orderBy(sql`case when ${sql.ref('r.level')} = 'town' then ${sql.ref('r.sort')} else ${sql.ref('pr.sort')} end`)
    .orderBy(sql`case when ${sql.ref('r.level')} = 'town' then ${sql.ref('r.id')} else ${sql.ref('pr.id')} end`)
    .orderBy(sql`case when ${sql.ref('r.level')} = 'town' then 0 else 1 end`).orderBy('r.sort').orderBy('r.id')
    .orderBy(sql`case ${sql.ref('i.tier')} when 'center' then 0 when 'base' then 1 else 2 end`)
    .orderBy('i.name').orderBy('i.id')
    .limit(page.pageSize).offset(page.offset).execute();
  return { rows, total: Number(total.n) };
}

export async function findInstitution(db: Kysely<InstitutionsDatabase>, id: string): Promise<InstitutionRow | undefined> {
  return institutionQuery(db).where('i.id', '=', id).executeTakeFirst();
}

/** The town of a region: itself for a town, its parent for a village; undefined for the city or an unknown id. */
export async function townOfRegion(db: Kysely<InstitutionsDatabase>, regionId: string) {
  const region = await db.selectFrom('regions').select(['id', 'name', 'level', 'parent_id', 'path'])
    .where('id', '=', regionId).executeTakeFirst();
  if (!region || region.level === 'city') return undefined;
  return { region, townId: region.level === 'town' ? region.id : region.parent_id! };
}

/**
 * The region path a list's town/village filter means: a village narrows a town, and an unknown region or an
 * inconsistent pair (a village of another town) matches nothing, like a region with nothing in it.
 */
export async function regionFilterPath(db: Kysely<InstitutionsDatabase>, town: string | undefined, village: string | undefined): Promise<string | undefined> {
  const regionId = village ?? town;
  if (!regionId) return undefined;
  const region = await db.selectFrom('regions').select(['path', 'parent_id', 'level']).where('id', '=', regionId).executeTakeFirst();
  const consistent = region && (village ? region.level === 'village' && (!town || region.parent_id === town) : region.level === 'town');
  return consistent ? region.path : '/nowhere/';
}
