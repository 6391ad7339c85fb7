import type { Indicator } from './gapTypes';
import type { InstitutionTier } from './types';

/** A standard version as `GET /api/v1/network/standards` lists it. */
export interface StandardSummary {
  id: string;
  tier: InstitutionTier;
  levelId: string;
  version: number;
  effectiveFrom: string;
  note: string;
  createdAt: string;
  /** The version in force today for its tier and level. */
  inForce: boolean;
}

export interface StandardThreshold {
  code: string;
  threshold: number | null;
  required: boolean | null;
}

export interface StandardDetail extends StandardSummary {
  thresholds: StandardThreshold[];
}

/** `POST /api/v1/network/standards`: the whole set of the new version; an indicator left out does not apply. */
export interface CreateStandardFields {
  tier: InstitutionTier;
  levelId: string;
  effectiveFrom?: string;
  note?: string;
  thresholds: { code: string; threshold?: number | null; required?: boolean }[];
}

/** One row of `GET /api/v1/network/institutions/:id/indicators`. */
export interface IndicatorValue extends Indicator {
  value: number | boolean | null;
  evidenceNote: string;
  evidenceFileId: string | null;
  /** The evidence file's original name (null without a file). */
  evidenceFileName: string | null;
  recordedAt: string | null;
  /** Sent back with a new value: 0 when nothing is recorded yet; a stale one gets 409. */
  version: number;
}

export interface IndicatorValuesResponse {
  institutionId: string;
  items: IndicatorValue[];
}

export interface IndicatorValueEntry {
  code: string;
  value: number | boolean;
  evidenceNote?: string;
  evidenceFileId?: string | null;
  version: number;
}

/** An uploaded evidence file (`POST /api/v1/network/institutions/:id/evidence`). */
export interface EvidenceFile {
  fileId: string;
  name: string;
  size: number;
  mime: string;
}
