import { placesZhCN } from '../places/i18n/zh-CN.js';
import { INSTITUTION_KINDS, INSTITUTION_TIERS, type InstitutionKind } from '../institutions/institution-kinds.js';
import type { InstitutionTier } from '../institutions/institutions-schema.js';
import type { Employment } from '../people/people-schema.js';
import type { PartnerType } from '../partners/partner-schema.js';

/**
 * The zh-CN words a sheet uses for enumerated values (templates, imports, exports). Tiers and kinds are the
 * learning-places catalog's, so the public pages and the spreadsheets say the same thing.
 */
export const TIER_LABELS = Object.fromEntries(INSTITUTION_TIERS.map((t) => [t, placesZhCN[`tier.${t}`]])) as Record<InstitutionTier, string>;
export const KIND_LABELS = Object.fromEntries(INSTITUTION_KINDS.map((k) => [k, placesZhCN[`kind.${k}`]])) as Record<InstitutionKind, string>;

export const EMPLOYMENT_LABELS: Record<Employment, string> = { full_time: '专职', part_time: '兼职', volunteer: '志愿者' };

export const PARTNER_TYPE_LABELS: Record<PartnerType, string> = {
  ngo: '社会组织', employer: '本地企业', stationed_unit: '驻地单位', individual: '个人',
};

export const PARTNER_STATUS_LABELS = { active: '合作中', inactive: '已停止' } as const;
export const PERSON_STATUS_LABELS = { active: '在职', left: '已离职' } as const;
export const INSTITUTION_STATUS_LABELS = { active: '在用', retired: '已撤销' } as const;

/** A label for a code; an unknown code is shown as it is rather than lost. */
export function labelOf(labels: Record<string, string>, code: string | null | undefined): string {
  if (!code) return '';
  return labels[code] ?? code;
}
