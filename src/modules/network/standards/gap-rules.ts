import type { IndicatorUnit, IndicatorValueType } from './standards-schema.js';

/**
 * The pure rules of 查漏补缺: how one value compares with one threshold, which standard version is in force on a
 * date, and which level comes next. No database here, so every case is unit-tested.
 */
export type GapStatus = 'met' | 'short' | 'missing' | 'not_applicable';

export interface IndicatorDef { code: string; valueType: IndicatorValueType; unit: IndicatorUnit }
export interface ThresholdDef { threshold: number | null; required: number | null }
export interface GapCell { status: GapStatus; threshold: number | boolean | null; shortfall: number | null }

/** Compares one recorded value (booleans as 0/1; undefined when nothing was recorded) with a standard's threshold. */
export function assessIndicator(indicator: IndicatorDef, value: number | undefined, rule: ThresholdDef | undefined): GapCell {
  if (indicator.valueType === 'boolean') {
    if (rule?.required !== 1) return { status: 'not_applicable', threshold: rule ? false : null, shortfall: null };
    if (value === undefined) return { status: 'missing', threshold: true, shortfall: null };
    return { status: value === 1 ? 'met' : 'short', threshold: true, shortfall: null };
  }
  if (rule?.threshold === null || rule?.threshold === undefined) return { status: 'not_applicable', threshold: null, shortfall: null };
  if (value === undefined) return { status: 'missing', threshold: rule.threshold, shortfall: null };
  if (value >= rule.threshold) return { status: 'met', threshold: rule.threshold, shortfall: 0 };
  // Rounded so 0.1 + 0.2 style float noise never shows as a shortfall of 0.30000000000000004.
  return { status: 'short', threshold: rule.threshold, shortfall: Math.round((rule.threshold - value) * 1e6) / 1e6 };
}

export interface StandardVersionRef { id: string; tier: string; level_id: string; version: number; effective_from: string }

/** The version of the standard for a tier and level in force on a date: the highest version already effective. */
export function standardInForce<S extends StandardVersionRef>(standards: S[], tier: string, levelId: string, date: string): S | null {
  let best: S | null = null;
  for (const s of standards) {
    if (s.tier !== tier || s.level_id !== levelId || s.effective_from > date) continue;
    if (!best || s.version > best.version) best = s;
  }
  return best;
}

export interface LevelRef { id: string; rank: number }

/** The level one rank above; null at the top of the ladder. */
export function nextLevel<L extends LevelRef>(levels: L[], currentId: string): L | null {
  const current = levels.find((l) => l.id === currentId);
  if (!current) return null;
  const above = levels.filter((l) => l.rank > current.rank).sort((a, b) => a.rank - b.rank);
  return above[0] ?? null;
}

/** Today's date in China Standard Time (YYYY-MM-DD): standards take effect and reports are dated by local days. */
export function shanghaiDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The first instant after a local (CST) day ends, as an ISO string: values recorded before it count for that day. */
export function endOfShanghaiDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + 24 * 3600_000).toISOString();
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}
