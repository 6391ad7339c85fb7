import { Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { ScopeType } from '../../core/api/types';
import { useT } from '../../core/i18n/useT';
import { buildRegionTree, idKey } from './regionTree';
import type { Institution, Region } from './types';

interface Props {
  scopeType?: ScopeType;
  value?: string;
  onChange?: (value: string | undefined) => void;
  regions: readonly Region[];
  institutions: readonly Institution[];
  loading?: boolean;
  id?: string;
}

/** Picks the scope of a role grant: the city, a region in the tree, or an institution. */
export function ScopePicker({ scopeType, value, onChange, regions, institutions, loading, id }: Props) {
  const t = useT();
  const regionNames = useMemo(() => new Map(regions.map((r) => [idKey(r.id), r.name])), [regions]);
  const regionTree = useMemo(() => buildRegionTree(regions, (r) => r.level !== 'city'), [regions]);
  const cityOptions = useMemo(
    () => regions.filter((r) => r.level === 'city').map((r) => ({ value: idKey(r.id), label: r.name })),
    [regions],
  );
  const institutionOptions = useMemo(
    () =>
      institutions.map((i) => {
        const regionName = regionNames.get(idKey(i.regionId));
        return {
          value: idKey(i.id),
          label: regionName ? t('roles.institutionInRegion', { name: i.name, region: regionName }) : i.name,
        };
      }),
    [institutions, regionNames, t],
  );

  const common = {
    id,
    value,
    onChange,
    loading,
    allowClear: true,
    style: { width: '100%' },
    'aria-label': t('roles.scope'),
  };

  if (scopeType === 'region') {
    return (
      <TreeSelect
        {...common}
        showSearch
        treeNodeFilterProp="title"
        treeData={regionTree}
        treeDefaultExpandAll
        placeholder={t('roles.pickRegion')}
      />
    );
  }
  if (scopeType === 'institution') {
    return (
      <Select
        {...common}
        showSearch
        optionFilterProp="label"
        options={institutionOptions}
        placeholder={t('roles.pickInstitution')}
      />
    );
  }
  if (scopeType === 'city') {
    return <Select {...common} options={cityOptions} placeholder={t('roles.pickCity')} />;
  }
  return <Select {...common} disabled placeholder={t('roles.pickScopeTypeFirst')} />;
}
