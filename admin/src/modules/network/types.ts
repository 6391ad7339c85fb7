import type { Id } from '../../core/api/types';

export const INSTITUTION_KINDS = [
  'community_education_center', 'citizen_school', 'adult_culture_tech_school', 'party_school', 'population_school',
  'seniors_school', 'farmer_training_school', 'culture_sports_venue', 'enterprise_training', 'other',
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];
export const INSTITUTION_TIERS = ['center', 'base', 'supplementary'] as const;
export type InstitutionTier = (typeof INSTITUTION_TIERS)[number];
export const INSTITUTION_STATUSES = ['active', 'retired'] as const;

interface Ref {
  id: string;
  name: string;
}

/** An institution as `/api/v1/network/institutions` presents it. */
export interface NetworkInstitution {
  id: string;
  name: string;
  tier: InstitutionTier;
  kind: InstitutionKind;
  status: string;
  region: Ref & { level: string };
  town: Ref;
  parentCenter: Ref | null;
  accreditation: { levelId: string; nameZh: string; nameEn: string } | null;
  address: string;
  openingHours: string;
  contactName: string;
  contactPhone: string;
  description: string;
  version: number;
  createdAt: string;
  updatedAt: string | null;
  retiredAt: string | null;
}

export interface InstitutionListQuery {
  page: number;
  pageSize: number;
  town?: string;
  tier?: string;
  kind?: string;
  status?: string;
  q?: string;
  [key: string]: string | number | undefined;
}

/** The editable fields, as the create and edit forms send them. */
export interface InstitutionFields {
  name: string;
  tier: InstitutionTier;
  kind: InstitutionKind;
  regionId: string;
  parentCenterId: string | null;
  address: string;
  openingHours: string;
  contactName: string;
  contactPhone: string;
  description: string;
}

export type { Id };

export interface AccreditationLevel {
  id: string;
  nameZh: string;
  nameEn: string;
  rank: number;
}

type LevelRef = Omit<AccreditationLevel, 'rank'>;

/** A center's accreditation and its history, as `/network/institutions/:id/accreditation` sends it. */
export interface Accreditation {
  institutionId: string;
  current: { level: LevelRef; grantedOn: string | null; certificateNo: string; nextReviewOn: string | null; updatedAt: string } | null;
  history: {
    id: string;
    fromLevel: LevelRef | null;
    level: LevelRef;
    grantedOn: string | null;
    certificateNo: string;
    nextReviewOn: string | null;
    changedBy: string | null;
    changedAt: string;
  }[];
}

export interface SetAccreditationFields {
  levelId: string;
  grantedOn: string | null;
  certificateNo: string;
  nextReviewOn: string | null;
}
