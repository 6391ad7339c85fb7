import { useMemo } from 'react';
import type { FilterValues } from '../../core/hooks/useUrlState';
import { useLang, useT } from '../../core/i18n/useT';
import { FilterBar } from '../../core/ui/FilterBar';
import { buildCategoryTree } from './categoryTree';
import { itemStatusLabel } from './labels';
import { ITEM_KINDS, ITEM_STATUSES, type Category } from './types';

export const ITEM_FILTER_KEYS = ['q', 'categoryId', 'status', 'kind'] as const;
export type ItemFilterKey = (typeof ITEM_FILTER_KEYS)[number];

interface Props {
  value: FilterValues<ItemFilterKey>;
  onChange: (next: FilterValues<ItemFilterKey>) => void;
  categories: readonly Category[];
  categoriesLoading: boolean;
}

export function ItemFilters({ value, onChange, categories, categoriesLoading }: Props) {
  const t = useT();
  const { lang } = useLang();
  const tree = useMemo(() => buildCategoryTree(categories, lang), [categories, lang]);
  return (
    <FilterBar name="itemFilters" label={t('content.items.filters')} value={value} onChange={onChange} fields={[
      { kind: 'search', name: 'q', label: t('content.items.filter.q'), placeholder: t('content.items.filter.qPlaceholder'), width: 200, testId: 'items-filter-q' },
      { kind: 'tree', name: 'categoryId', label: t('content.field.category'), treeData: tree, loading: categoriesLoading, width: 170, testId: 'items-filter-category' },
      { kind: 'select', name: 'status', label: t('content.field.status'), width: 110, testId: 'items-filter-status',
        options: ITEM_STATUSES.map((status) => ({ value: status, label: itemStatusLabel(t, status) })) },
      { kind: 'select', name: 'kind', label: t('content.field.kind'), width: 110, testId: 'items-filter-kind',
        options: ITEM_KINDS.map((kind) => ({ value: kind, label: t(`content.kind.${kind}`) })) },
    ]} />
  );
}
