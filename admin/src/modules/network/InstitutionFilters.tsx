import type { FilterValues } from '../../core/hooks/useUrlState';
import { useT } from '../../core/i18n/useT';
import { FilterBar } from '../../core/ui/FilterBar';
import type { Region } from '../users/types';
import { townOptions } from '../users/regionTree';
import { INSTITUTION_KINDS, INSTITUTION_STATUSES, INSTITUTION_TIERS } from './types';

export const INSTITUTION_FILTER_KEYS = ['q', 'town', 'tier', 'kind', 'status'] as const;
export type InstitutionFilterKey = (typeof INSTITUTION_FILTER_KEYS)[number];

interface Props {
  value: FilterValues<InstitutionFilterKey>;
  onChange: (next: FilterValues<InstitutionFilterKey>) => void;
  regions: readonly Region[];
}

export function InstitutionFilters({ value, onChange, regions }: Props) {
  const t = useT();
  return (
    <FilterBar name="institutionFilters" label={t('network.institutions.filters')} value={value} onChange={onChange} fields={[
      { kind: 'search', name: 'q', label: t('network.field.name'), placeholder: t('network.institutions.qPlaceholder'), width: 180, testId: 'inst-filter-q' },
      { kind: 'select', name: 'town', label: t('network.field.town'), width: 130, testId: 'inst-filter-town', options: townOptions(regions) },
      { kind: 'select', name: 'tier', label: t('network.field.tier'), width: 130, testId: 'inst-filter-tier',
        options: INSTITUTION_TIERS.map((tier) => ({ value: tier, label: t(`network.tier.${tier}`) })) },
      { kind: 'select', name: 'kind', label: t('network.field.kind'), width: 170, testId: 'inst-filter-kind',
        options: INSTITUTION_KINDS.map((kind) => ({ value: kind, label: t(`network.kind.${kind}`) })) },
      { kind: 'select', name: 'status', label: t('network.field.status'), width: 100, testId: 'inst-filter-status',
        options: INSTITUTION_STATUSES.map((s) => ({ value: s, label: t(`network.status.${s}`) })) },
    ]} />
  );
}
