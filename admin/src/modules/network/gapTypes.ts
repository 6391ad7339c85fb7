import type { InstitutionTier } from './types';

export type GapStatus = 'met' | 'short' | 'missing' | 'not_applicable';
export type GapValue = number | boolean | null;
export type GapCounts = Record<GapStatus, number>;

export interface Indicator {
  code: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  valueType: 'number' | 'boolean';
}

/** `/api/v1/network/gap-matrix`: institutions × indicators, each cell judged against the institution's current level. */
export interface GapMatrix {
  date: string;
  indicators: Indicator[];
  rows: {
    institution: { id: string; name: string; tier: InstitutionTier; levelId: string; regionId: string };
    standard: { id: string; version: number; effectiveFrom: string } | null;
    cells: { code: string; status: GapStatus; value: GapValue; shortfall: number | null }[];
    summary: GapCounts;
  }[];
  summary: GapCounts;
}

interface GapCell {
  status: GapStatus;
  threshold: GapValue;
  shortfall: number | null;
}
interface LevelRef {
  id: string;
  nameZh: string;
  nameEn: string;
  rank: number;
}

/** `/api/v1/network/institutions/:id/gaps`: shortfalls against the current and the next level. */
export interface GapReport {
  institution: { id: string; name: string; tier: InstitutionTier; levelId: string };
  date: string;
  current: { level: LevelRef; standard: { version: number } | null };
  next: { level: LevelRef; standard: { version: number } | null } | null;
  indicators: (Indicator & { value: GapValue; recordedAt: string | null; current: GapCell; next: GapCell | null })[];
  summary: { current: GapCounts; next: GapCounts | null };
}
