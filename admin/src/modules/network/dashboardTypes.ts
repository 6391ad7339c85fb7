import type { InstitutionKind, InstitutionTier } from './types';

/** `GET /api/v1/network/dashboard`: the network in the caller's scope, counted by the server. */
export interface NetworkDashboard {
  /** The day (China Standard Time) the gap figures are computed for. */
  date: string;
  byTier: { tier: InstitutionTier; count: number }[];
  byKind: { kind: InstitutionKind; count: number }[];
  byTown: {
    townId: string;
    townName: string;
    institutions: number;
    centers: number;
    staff: { fullTime: number; partTime: number; volunteer: number; total: number };
    population: number | null;
    /** Active staff per 1,000 residents; null when the town's population is unknown. */
    staffPerThousand: number | null;
  }[];
  accreditation: { levelId: string; name: string; nameEn: string; count: number }[];
  gaps: {
    institutionsChecked: number;
    meetingStandard: number;
    shortOfCurrentLevel: number;
    missingValues: number;
    byIndicator: { code: string; name: string; nameEn: string; short: number }[];
  };
}
