import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '../../core/api/useQuery';
import type { Id } from '../../core/api/types';
import { itemsApi } from './api';
import { idKey } from './categoryTree';
import type { ItemKind } from './types';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  kind?: ItemKind;
  /** The item being edited: it cannot point at itself. */
  excludeId?: Id;
  /** Title of the current value when it is not among the search results (e.g. on first load). */
  currentTitle?: string;
  placeholder?: string;
  disabled?: boolean;
  'data-testid'?: string;
}

/** Picks another item by title (repealed by, interpretation of), searching the items in scope as one types. */
export function ItemPicker({ id, value, onChange, kind, excludeId, currentTitle, placeholder, disabled, ...rest }: Props) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(typed.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [typed]);

  const query = { page: 1, pageSize: 20, q: q || undefined, kind };
  const found = useQuery(disabled ? null : JSON.stringify(query), (signal) => itemsApi.list(query, signal));
  const options = useMemo(() => {
    const list = (found.data?.items ?? [])
      .filter((item) => idKey(item.id) !== idKey(excludeId))
      .map((item) => ({ value: idKey(item.id), label: item.docNumber ? `${item.title}（${item.docNumber}）` : item.title }));
    if (value && !list.some((o) => o.value === value)) list.unshift({ value, label: currentTitle ?? value });
    return list;
  }, [found.data, excludeId, value, currentTitle]);

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      options={options}
      loading={found.loading}
      placeholder={placeholder}
      disabled={disabled}
      data-testid={rest['data-testid']}
    />
  );
}
