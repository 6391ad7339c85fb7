import type { Kysely } from 'kysely';
import type { InstitutionTier } from '../institutions/institutions-schema.js';
import { assessIndicator, endOfShanghaiDay, nextLevel, standardInForce, type GapCell, type GapStatus } from './gap-rules.js';
import {
  currentValuesOf, levelAt, listIndicators, listLevels, standardVersionsEffectiveBy, thresholdsOf, valueHistoryBefore,
} from './standards-repository.js';
import type { IndicatorsTable, StandardsDatabase, StandardsTable, StandardThresholdsTable } from './standards-schema.js';

/**
 * A gap report (查漏补缺) for one institution on one date. Past reports are not stored: they are recomputed from
 * what was in force and recorded then — the standard version effective on that date, the last value recorded
 * before the day ended, the accreditation level of that day. New standard versions may only take effect from
 * today on (create-standard-version.ts), and values are appended to a history, so a report for any past date
 * comes out the same however the thresholds change later. Every report names the versions it used.
 */
type Db = Kysely<StandardsDatabase>;

export interface ReportInstitution { id: string; name: string; tier: InstitutionTier | null; accreditation_level_id: string | null }
interface RecordedValue { value: number; recorded_at: string; evidence_note: string; evidence_file_id: string | null }

export async function buildGapReport(db: Db, institution: ReportInstitution, date: string, today: string) {
  const cutoff = endOfShanghaiDay(date);
  const tier = institution.tier!;
  const [indicators, levels, versions] = await Promise.all([listIndicators(db), listLevels(db), standardVersionsEffectiveBy(db, date)]);
  const levelId = await levelAt(db, institution.id, cutoff, institution.accreditation_level_id ?? 'none');
  const level = levels.find((l) => l.id === levelId) ?? levels[0]!;
  const above = nextLevel(levels, level.id);
  const currentStandard = standardInForce(versions, tier, level.id, date);
  const nextStandard = above ? standardInForce(versions, tier, above.id, date) : null;
  const thresholds = await thresholdsOf(db, [currentStandard?.id, nextStandard?.id].filter((x): x is string => !!x));
  const values = await valuesOn(db, institution.id, date, today, cutoff);

  const rows = indicators.map((ind) => {
    const recorded = values.get(ind.code);
    const assess = (s: StandardsTable | null) => s ? assessIndicator(
      { code: ind.code, valueType: ind.value_type, unit: ind.unit }, recorded?.value, ruleFor(thresholds, s.id, ind.code)) : null;
    return { indicator: ind, recorded, current: assess(currentStandard) ?? NO_STANDARD, next: above ? assess(nextStandard) ?? NO_STANDARD : null };
  });
  return {
    institution: { id: institution.id, name: institution.name, tier, levelId: level.id },
    date,
    current: { level: presentLevel(level), standard: presentVersion(currentStandard) },
    next: above ? { level: presentLevel(above), standard: presentVersion(nextStandard) } : null,
    indicators: rows.map(({ indicator, recorded, current, next }) => ({
      ...presentIndicator(indicator),
      value: recorded ? presentValue(indicator, recorded.value) : null,
      recordedAt: recorded?.recorded_at ?? null,
      evidenceNote: recorded?.evidence_note ?? '',
      evidenceFileId: recorded?.evidence_file_id ?? null,
      current, next,
    })),
    summary: {
      current: countStatuses(rows.map((r) => r.current)),
      next: above ? countStatuses(rows.map((r) => r.next!)) : null,
    },
  };
}

const NO_STANDARD: GapCell = { status: 'not_applicable', threshold: null, shortfall: null };

/** Today's report reads the current rows; a past date reads the last history row per indicator before its end. */
async function valuesOn(db: Db, institutionId: string, date: string, today: string, cutoff: string): Promise<Map<string, RecordedValue>> {
  const rows = date === today ? await currentValuesOf(db, institutionId) : await valueHistoryBefore(db, institutionId, cutoff);
  const byCode = new Map<string, RecordedValue>();
  for (const row of rows) byCode.set(row.indicator_code, row);
  return byCode;
}

export function ruleFor(thresholds: StandardThresholdsTable[], standardId: string, code: string) {
  return thresholds.find((t) => t.standard_id === standardId && t.indicator_code === code);
}

export function countStatuses(cells: GapCell[]): Record<GapStatus, number> {
  const counts: Record<GapStatus, number> = { met: 0, short: 0, missing: 0, not_applicable: 0 };
  for (const c of cells) counts[c.status] += 1;
  return counts;
}

export function presentIndicator(i: IndicatorsTable) {
  return { code: i.code, nameZh: i.name_zh, nameEn: i.name_en, unit: i.unit, valueType: i.value_type };
}

export function presentValue(indicator: Pick<IndicatorsTable, 'value_type'>, value: number): number | boolean {
  return indicator.value_type === 'boolean' ? value === 1 : Number(value);
}

function presentLevel(l: { id: string; name_zh: string; name_en: string; rank: number }) {
  return { id: l.id, nameZh: l.name_zh, nameEn: l.name_en, rank: Number(l.rank) };
}

function presentVersion(s: StandardsTable | null) {
  return s ? { id: s.id, version: Number(s.version), effectiveFrom: s.effective_from } : null;
}
