import { sql, type Kysely } from 'kysely';
import { pathUnder } from '../../../core/access/scope.js';
import { accreditationSummary } from '../accreditation/accreditation-repository.js';
import { INSTITUTION_KINDS, INSTITUTION_TIERS } from '../institutions/institution-kinds.js';
import type { InstitutionsDatabase } from '../institutions/institutions-schema.js';
import type { PeopleDatabase } from '../people/people-schema.js';
import { buildGapMatrix } from '../standards/gap-matrix.js';
import type { StandardsDatabase } from '../standards/standards-schema.js';

export type DashboardDb = Kysely<StandardsDatabase & Pick<PeopleDatabase, 'network_people'>>;
type Employment = 'full_time' | 'part_time' | 'volunteer';

/** The town part of a path: '/<city>/<town>/…' → '/<city>/<town>/'. */
function townPathOf(path: string): string {
  const [city, town] = path.split('/').filter(Boolean);
  return `/${city}/${town}/`;
}

/**
 * The network dashboard for one caller's scope: active network institutions by tier, kind and town, staff per
 * 1,000 residents by town, accreditation levels and the gap matrix summary. A fixed number of set-based
 * queries whatever the size (institutions, staff counts grouped in SQL, towns, the accreditation summary and
 * the gap matrix's own queries); the gap statuses are the matrix's (standards/), not recomputed here.
 */
export async function networkDashboard(db: DashboardDb, scopePaths: string[], today: string) {
  const inScope = pathUnder(sql.ref('i.path'), scopePaths);
  const [institutions, staffRows, towns, accreditation, matrix] = await Promise.all([
    db.selectFrom('institutions as i').select(['i.id', 'i.tier', 'i.kind', 'i.path'])
      .where('i.tier', 'is not', null).where('i.status', '=', 'active').where(inScope).execute(),
    db.selectFrom('network_people as p').innerJoin('institutions as i', 'i.id', 'p.institution_id')
      .select(['i.path', 'p.employment', (eb) => eb.fn.countAll<number>().as('n')])
      .where('p.status', '=', 'active').where('i.tier', 'is not', null).where('i.status', '=', 'active').where(inScope)
      .groupBy(['i.path', 'p.employment']).execute(),
    db.selectFrom('regions').select(['id', 'name', 'path', 'population']).where('level', '=', 'town').orderBy('sort').orderBy('id').execute(),
    accreditationSummary(db as unknown as Kysely<InstitutionsDatabase>, scopePaths),
    buildGapMatrix(db, { scopePaths }, today),
  ]);

  const byTier = INSTITUTION_TIERS.map((tier) => ({ tier, count: institutions.filter((i) => i.tier === tier).length }));
  const byKind = INSTITUTION_KINDS.map((kind) => ({ kind, count: institutions.filter((i) => i.kind === kind).length }));

  // Towns the caller sees: all under a city-wide scope, or the town holding a town, village or institution scope.
  const visibleTowns = towns.filter((t) => scopePaths.some((s) => t.path.startsWith(s) || s.startsWith(t.path)));
  const perTown = new Map(visibleTowns.map((t) => [t.path, {
    institutions: 0, centers: 0, staff: { fullTime: 0, partTime: 0, volunteer: 0 } as Record<'fullTime' | 'partTime' | 'volunteer', number>,
  }]));
  for (const i of institutions) {
    const town = perTown.get(townPathOf(i.path));
    if (!town) continue;
    town.institutions += 1;
    if (i.tier === 'center') town.centers += 1;
  }
  const key: Record<Employment, 'fullTime' | 'partTime' | 'volunteer'> = { full_time: 'fullTime', part_time: 'partTime', volunteer: 'volunteer' };
  for (const row of staffRows) {
    const town = perTown.get(townPathOf(row.path));
    if (town) town.staff[key[row.employment as Employment]] += Number(row.n);
  }
  const byTown = visibleTowns.map((t) => {
    const counts = perTown.get(t.path)!;
    const staffTotal = counts.staff.fullTime + counts.staff.partTime + counts.staff.volunteer;
    const population = t.population === null ? null : Number(t.population);
    return {
      townId: t.id, townName: t.name, institutions: counts.institutions, centers: counts.centers,
      staff: { ...counts.staff, total: staffTotal }, population,
      staffPerThousand: population ? Math.round((staffTotal / population) * 1000 * 1000) / 1000 : null,
    };
  });

  const shortOn = new Map<string, number>();
  for (const row of matrix.rows) {
    for (const cell of row.cells) if (cell.status === 'short') shortOn.set(cell.code, (shortOn.get(cell.code) ?? 0) + 1);
  }
  return {
    date: today,
    byTier, byKind, byTown,
    accreditation: accreditation.levels.map((l) => ({ levelId: l.id, name: l.nameZh, nameEn: l.nameEn, count: l.count })),
    gaps: {
      institutionsChecked: matrix.rows.length,
      meetingStandard: matrix.rows.filter((r) => r.standard !== null && r.summary.short === 0 && r.summary.missing === 0).length,
      shortOfCurrentLevel: matrix.rows.filter((r) => r.summary.short > 0).length,
      missingValues: matrix.rows.filter((r) => r.summary.missing > 0).length,
      byIndicator: matrix.indicators.map((ind) => ({ code: ind.code, name: ind.nameZh, nameEn: ind.nameEn, short: shortOn.get(ind.code) ?? 0 })),
    },
  };
}
