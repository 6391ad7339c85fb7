import type { InstitutionTier } from './institutions-schema.js';

/**
 * The kinds of network institutions the policy names. 'employer' is core's (job-posting partners) and
 * not part of the network: such rows have no tier and never appear here or on the public pages.
 */
export const INSTITUTION_KINDS = [
  'community_education_center', 'citizen_school', 'adult_culture_tech_school', 'party_school', 'population_school',
  'seniors_school', 'farmer_training_school', 'culture_sports_venue', 'enterprise_training', 'other',
] as const;
export type InstitutionKind = typeof INSTITUTION_KINDS[number];

export const INSTITUTION_TIERS = ['center', 'base', 'supplementary'] as const satisfies readonly InstitutionTier[];

/**
 * Which tiers a kind may take. A community education center is the town's hub and nothing else is;
 * enterprise training organisations supplement the network; the town schools and venues brought under
 * the center, and the village schools, are the base — 'other' may be base or supplementary.
 */
export function tiersAllowedFor(kind: InstitutionKind): readonly InstitutionTier[] {
  if (kind === 'community_education_center') return ['center'];
  if (kind === 'enterprise_training') return ['supplementary'];
  if (kind === 'other') return ['base', 'supplementary'];
  return ['base'];
}

export const PHONE_PATTERN = /^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?|400-?\d{3}-?\d{4})$/;
