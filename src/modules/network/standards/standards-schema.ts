import type { Kysely } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import type { InstitutionsDatabase, InstitutionTier } from '../institutions/institutions-schema.js';

/** Row types of the tables migration 0009_network_standards creates. Timestamps ISO strings; dates 'YYYY-MM-DD'. */
export type IndicatorValueType = 'number' | 'boolean';
export const INDICATOR_UNITS = ['m²', '间', '座', '册', '人', '人次', '%', ''] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

export interface IndicatorsTable {
  code: string;
  name_zh: string;
  name_en: string;
  unit: IndicatorUnit;
  value_type: IndicatorValueType;
  sort: number;
}

/** One version of the standard for a tier and level; a changed threshold is a new row, never an update. */
export interface StandardsTable {
  id: string;
  tier: InstitutionTier;
  level_id: string;
  version: number;
  effective_from: string;
  note: string;
  created_by: string | null;
  created_at: string;
}

export interface StandardThresholdsTable {
  standard_id: string;
  indicator_code: string;
  /** For number indicators: the minimum. */
  threshold: number | null;
  /** For yes/no indicators: 1 when "yes" is required. */
  required: number | null;
}

/** An institution's current value of an indicator (booleans stored as 0/1). */
export interface IndicatorValuesTable {
  institution_id: string;
  indicator_code: string;
  value: number;
  evidence_note: string;
  evidence_file_id: string | null;
  recorded_by: string | null;
  recorded_at: string;
  version: number;
}

/** Every value ever recorded, append-only: reports for a past date read what was known then. */
export interface IndicatorValueHistoryTable {
  id: string;
  institution_id: string;
  indicator_code: string;
  value: number;
  evidence_note: string;
  evidence_file_id: string | null;
  recorded_by: string | null;
  recorded_at: string;
  version: number;
}

export interface StandardsDatabase extends InstitutionsDatabase {
  network_indicators: IndicatorsTable;
  network_standards: StandardsTable;
  network_standard_thresholds: StandardThresholdsTable;
  network_indicator_values: IndicatorValuesTable;
  network_indicator_value_history: IndicatorValueHistoryTable;
}

export function standardsDb(core: Pick<CoreContext, 'db'>): Kysely<StandardsDatabase> {
  return core.db as unknown as Kysely<StandardsDatabase>;
}
