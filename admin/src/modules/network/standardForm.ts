import type { Indicator } from './gapTypes';
import type { CreateStandardFields, StandardDetail } from './standardsTypes';

/** One indicator's row in the new-version form. */
export interface ThresholdRow {
  applies: boolean;
  threshold: number | null | undefined;
  required: boolean;
}

/** The rows for a new version, starting from the version it replaces (or empty when it is the first). */
export function thresholdRows(indicators: readonly Indicator[], from: StandardDetail | null): ThresholdRow[] {
  const byCode = new Map(from?.thresholds.map((th) => [th.code, th]) ?? []);
  return indicators.map((ind) => {
    const th = byCode.get(ind.code);
    return { applies: th !== undefined, threshold: th?.threshold ?? null, required: th?.required ?? false };
  });
}

/** The thresholds to send (the rows that apply) and the form row of each, for field errors. */
export function thresholdsBody(indicators: readonly Indicator[], rows: readonly ThresholdRow[]):
  { thresholds: CreateStandardFields['thresholds']; formIndex: number[] } {
  const thresholds: CreateStandardFields['thresholds'] = [];
  const formIndex: number[] = [];
  indicators.forEach((ind, i) => {
    const row = rows[i];
    if (!row?.applies) return;
    thresholds.push(ind.valueType === 'boolean' ? { code: ind.code, required: row.required } : { code: ind.code, threshold: row.threshold ?? null });
    formIndex.push(i);
  });
  return { thresholds, formIndex };
}
