import { useMemo } from 'react';
import { ROLES, roleLabel } from '../../core/format/roles';
import type { FilterValues } from '../../core/hooks/useUrlState';
import { useT } from '../../core/i18n/useT';
import { FilterBar } from '../../core/ui/FilterBar';
import { buildRegionTree } from './regionTree';
import { USER_STATUSES } from './types';
import { useRegions } from './useReferenceData';

export const USER_FILTER_KEYS = ['q', 'role', 'status', 'regionId'] as const;
export type UserFilterKey = (typeof USER_FILTER_KEYS)[number];

interface Props {
  value: FilterValues<UserFilterKey>;
  onChange: (next: FilterValues<UserFilterKey>) => void;
}

export function UserFilters({ value, onChange }: Props) {
  const t = useT();
  const regions = useRegions();
  const regionTree = useMemo(() => buildRegionTree(regions.data ?? []), [regions.data]);
  return (
    <FilterBar name="userFilters" label={t('users.filters')} value={value} onChange={onChange} fields={[
      { kind: 'search', name: 'q', label: t('users.filter.keyword'), placeholder: t('users.filter.keywordPlaceholder'), width: 220, testId: 'users-filter-q' },
      { kind: 'select', name: 'role', label: t('users.filter.role'), width: 150, testId: 'users-filter-role',
        options: ROLES.map((role) => ({ value: role, label: roleLabel(t, role) })) },
      { kind: 'select', name: 'status', label: t('users.filter.status'), width: 120, testId: 'users-filter-status',
        options: USER_STATUSES.map((status) => ({ value: status, label: t(`users.status.${status}`) })) },
      { kind: 'tree', name: 'regionId', label: t('users.filter.region'), treeData: regionTree, loading: regions.loading, width: 200, testId: 'users-filter-region' },
    ]} />
  );
}
