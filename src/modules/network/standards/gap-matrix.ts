import type { Kysely } from 'kysely';
import { assessIndicator, standardInForce, type GapStatus } from './gap-rules.js';
import { countStatuses, presentIndicator } from './gap-report.js';
import {
  listIndicators, matrixInstitutions, matrixValues, standardVersionsEffectiveBy, thresholdsOf, type MatrixFilter,
} from './standards-repository.js';
import type { StandardsDatabase } from './standards-schema.js';

/**
 * The city-wide gap matrix: every network institution in the caller's scope × every indicator, each cell met /
 * short / missing / not applicable against the standard in force today for the institution's tier and current
 * level. A fixed handful of set-based queries whatever the number of institutions (no per-row round trips);
 * the comparison runs in memory.
 */
export async function buildGapMatrix(db: Kysely<StandardsDatabase>, filter: MatrixFilter, today: string) {
  const [indicators, versions, institutions, values] = await Promise.all([
    listIndicators(db), standardVersionsEffectiveBy(db, today), matrixInstitutions(db, filter), matrixValues(db, filter),
  ]);
  const standardFor = (tier: string, levelId: string) => standardInForce(versions, tier, levelId, today);
  const usedIds = new Set<string>();
  for (const i of institutions) {
    const s = standardFor(i.tier!, i.accreditation_level_id ?? 'none');
    if (s) usedIds.add(s.id);
  }
  const rules = new Map((await thresholdsOf(db, [...usedIds])).map((t) => [`${t.standard_id}\u0000${t.indicator_code}`, t]));
  const valueOf = new Map<string, number>();
  for (const v of values) valueOf.set(`${v.institution_id}\u0000${v.indicator_code}`, Number(v.value));

  const totals: Record<GapStatus, number> = { met: 0, short: 0, missing: 0, not_applicable: 0 };
  const rows = institutions.map((inst) => {
    const levelId = inst.accreditation_level_id ?? 'none';
    const standard = standardFor(inst.tier!, levelId);
    const cells = indicators.map((ind) => {
      const value = valueOf.get(`${inst.id}\u0000${ind.code}`);
      const cell = standard
        ? assessIndicator({ code: ind.code, valueType: ind.value_type, unit: ind.unit }, value, rules.get(`${standard.id}\u0000${ind.code}`))
        : { status: 'not_applicable' as const, threshold: null, shortfall: null };
      return { code: ind.code, status: cell.status, value: value === undefined ? null : ind.value_type === 'boolean' ? value === 1 : value, shortfall: cell.shortfall };
    });
    const summary = countStatuses(cells.map((c) => ({ status: c.status, threshold: null, shortfall: null })));
    for (const k of Object.keys(totals) as GapStatus[]) totals[k] += summary[k];
    return {
      institution: { id: inst.id, name: inst.name, tier: inst.tier!, levelId, regionId: inst.region_id },
      standard: standard ? { id: standard.id, version: Number(standard.version), effectiveFrom: standard.effective_from } : null,
      cells, summary,
    };
  });
  return { date: today, indicators: indicators.map(presentIndicator), rows, summary: totals };
}
