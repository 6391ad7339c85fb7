import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import type { FilterValues } from '../../core/hooks/useUrlState';
import { useT } from '../../core/i18n/useT';
import { FilterBar } from '../../core/ui/FilterBar';
import { AUDIT_OUTCOMES } from './types';

export const AUDIT_FILTER_KEYS = ['actor', 'action', 'outcome', 'targetType', 'from', 'to'] as const;
export type AuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];

interface FormValues {
  actor?: string;
  action?: string;
  outcome?: string;
  targetType?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const DAY = 'YYYY-MM-DD';

function toForm(value: FilterValues<AuditFilterKey>): FormValues {
  const from = value.from ? dayjs(value.from) : null;
  const to = value.to ? dayjs(value.to) : null;
  return {
    actor: value.actor,
    action: value.action,
    outcome: value.outcome,
    targetType: value.targetType,
    range: from || to ? [from, to] : null,
  };
}

function fromForm(values: FormValues): FilterValues<AuditFilterKey> {
  const [from, to] = values.range ?? [null, null];
  return {
    actor: values.actor,
    action: values.action,
    outcome: values.outcome,
    targetType: values.targetType,
    from: from ? from.format(DAY) : undefined,
    to: to ? to.format(DAY) : undefined,
  };
}

interface Props {
  value: FilterValues<AuditFilterKey>;
  onChange: (next: FilterValues<AuditFilterKey>) => void;
}

export function AuditFilters({ value, onChange }: Props) {
  const t = useT();
  // Memoised: the bar writes its value back into the form whenever it changes.
  const formValue = useMemo(() => toForm(value), [value]);
  return (
    <FilterBar<FormValues> name="auditFilters" label={t('audit.filters')} value={formValue} onChange={(v) => onChange(fromForm(v))} searchButton
      fields={[
        { kind: 'text', name: 'actor', label: t('audit.filter.actor'), placeholder: t('audit.filter.actorPlaceholder'), width: 150 },
        { kind: 'text', name: 'action', label: t('audit.filter.action'), placeholder: t('audit.filter.actionPlaceholder'), width: 170 },
        { kind: 'select', name: 'outcome', label: t('audit.filter.outcome'), width: 110,
          options: AUDIT_OUTCOMES.map((o) => ({ value: o, label: t(`audit.outcome.${o}`) })) },
        { kind: 'text', name: 'targetType', label: t('audit.filter.targetType'), placeholder: t('audit.filter.targetTypePlaceholder'), width: 130 },
        { kind: 'dateRange', name: 'range', label: t('audit.filter.date'), width: 250 },
      ]} />
  );
}
