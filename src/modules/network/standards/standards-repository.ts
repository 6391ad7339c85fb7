import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { pathUnder } from '../../../core/access/scope.js';
import { startsWith } from '../../../core/db/text-match.js';
import type { InstitutionTier } from '../institutions/institutions-schema.js';
import type { IndicatorsTable, StandardsDatabase, StandardsTable, StandardThresholdsTable } from './standards-schema.js';

/** Queries of the standards part, nothing else: the rules live in gap-rules.ts and the commands. */
type Db = Kysely<StandardsDatabase>;

export function listIndicators(db: Db): Promise<IndicatorsTable[]> {
  return db.selectFrom('network_indicators').selectAll().orderBy('sort').orderBy('code').execute();
}

export function listLevels(db: Db) {
  return db.selectFrom('network_accreditation_levels').select(['id', 'name_zh', 'name_en', 'rank']).orderBy('rank').execute();
}

export function listStandardVersions(db: Db, filter: { tier?: InstitutionTier; levelId?: string } = {}): Promise<StandardsTable[]> {
  return db.selectFrom('network_standards').selectAll()
    .$if(filter.tier !== undefined, (q) => q.where('tier', '=', filter.tier!))
    .$if(filter.levelId !== undefined, (q) => q.where('level_id', '=', filter.levelId!))
    .orderBy('tier').orderBy('level_id').orderBy('version', 'desc').execute();
}

/** Every version already effective on a date (a few dozen rows at most: tiers × levels × versions). */
export function standardVersionsEffectiveBy(db: Db, date: string): Promise<StandardsTable[]> {
  return db.selectFrom('network_standards').selectAll().where('effective_from', '<=', date).execute();
}

export function findStandard(db: Db, id: string): Promise<StandardsTable | undefined> {
  return db.selectFrom('network_standards').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function latestStandardVersion(db: Db, tier: InstitutionTier, levelId: string): Promise<StandardsTable | undefined> {
  return db.selectFrom('network_standards').selectAll().where('tier', '=', tier).where('level_id', '=', levelId)
    .orderBy('version', 'desc').limit(1).executeTakeFirst();
}

export async function thresholdsOf(db: Db, standardIds: string[]): Promise<StandardThresholdsTable[]> {
  if (standardIds.length === 0) return [];
  return db.selectFrom('network_standard_thresholds').selectAll().where('standard_id', 'in', standardIds).execute();
}

export function findNetworkInstitution(db: Db, id: string) {
  return db.selectFrom('institutions').select(['id', 'name', 'path', 'region_id', 'tier', 'accreditation_level_id'])
    .where('id', '=', id).where('tier', 'is not', null).executeTakeFirst();
}

export function currentValuesOf(db: Db, institutionId: string) {
  return db.selectFrom('network_indicator_values').selectAll().where('institution_id', '=', institutionId).execute();
}

/** What was recorded before an instant, oldest first: the last row per indicator is the value known then. */
export function valueHistoryBefore(db: Db, institutionId: string, before: string) {
  return db.selectFrom('network_indicator_value_history').selectAll()
    .where('institution_id', '=', institutionId).where('recorded_at', '<', before)
    .orderBy('recorded_at').orderBy('version').execute();
}

/**
 * The institution's accreditation level at an instant, from the change history: the level set by the last change
 * before it, or the level before the first change after it; with no history at all, the current level.
 */
export async function levelAt(db: Db, institutionId: string, before: string, currentLevel: string): Promise<string> {
  const last = await db.selectFrom('network_accreditation_history').select('level_id')
    .where('institution_id', '=', institutionId).where('changed_at', '<', before)
    .orderBy('changed_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (last) return last.level_id;
  const first = await db.selectFrom('network_accreditation_history').select('from_level_id')
    .where('institution_id', '=', institutionId).orderBy('changed_at').orderBy('id').limit(1).executeTakeFirst();
  if (first) return first.from_level_id ?? 'none';
  return currentLevel;
}

export interface MatrixFilter { scopePaths: string[]; tier?: InstitutionTier; townPath?: string }

/** "Institution i is a network institution in scope and matches the filters", for any query aliasing institutions as i. */
function matrixInstitutionFilter(f: MatrixFilter): Expression<SqlBool> {
  const tests: Expression<SqlBool>[] = [
    pathUnder(sql.ref('i.path'), f.scopePaths),
    sql<SqlBool>`i.tier is not null`,
    sql<SqlBool>`i.retired_at is null`,
  ];
  if (f.tier) tests.push(sql<SqlBool>`i.tier = ${f.tier}`);
  if (f.townPath) tests.push(startsWith(sql.ref('i.path'), f.townPath));
  return sql<SqlBool>`(${sql.join(tests, sql` and `)})`;
}

/** The matrix rows in one query, ordered by town (path) and name. */
export function matrixInstitutions(db: Db, f: MatrixFilter) {
  return db.selectFrom('institutions as i')
    .select(['i.id', 'i.name', 'i.region_id', 'i.tier', 'i.accreditation_level_id'])
    .where(matrixInstitutionFilter(f)).orderBy('i.path').execute();
}

/** Every current value of every institution in the matrix, in one query (no per-institution round trips). */
export function matrixValues(db: Db, f: MatrixFilter) {
  return db.selectFrom('network_indicator_values as v').innerJoin('institutions as i', 'i.id', 'v.institution_id')
    .select(['v.institution_id', 'v.indicator_code', 'v.value'])
    .where(matrixInstitutionFilter(f)).execute();
}

export function findTown(db: Db, id: string) {
  return db.selectFrom('regions').select(['id', 'path']).where('id', '=', id).where('level', '=', 'town').executeTakeFirst();
}
