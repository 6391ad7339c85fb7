import { ReloadOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import type { FilterValues } from '../../core/hooks/useUrlState';
import { useT } from '../../core/i18n/useT';
import type { Region } from '../users/types';
import { idKey } from '../users/regionTree';
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
  const [form] = Form.useForm<FilterValues<InstitutionFilterKey>>();

  useEffect(() => {
    form.setFieldsValue({ q: undefined, town: undefined, tier: undefined, kind: undefined, status: undefined, ...value });
  }, [form, value]);

  const submit = () => onChange(form.getFieldsValue());
  const towns = regions.filter((r) => r.level === 'town');

  return (
    <Form form={form} name="institutionFilters" layout="inline" onFinish={submit} style={{ rowGap: 12 }} aria-label={t('network.institutions.filters')}>
      <Form.Item name="q" label={t('network.field.name')}>
        <Input.Search allowClear placeholder={t('network.institutions.qPlaceholder')} onSearch={submit} style={{ width: 180 }} data-testid="inst-filter-q" />
      </Form.Item>
      <Form.Item name="town" label={t('network.field.town')}>
        <Select allowClear style={{ width: 130 }} placeholder={t('common.all')} onChange={submit}
          options={towns.map((r) => ({ value: idKey(r.id), label: r.name }))} data-testid="inst-filter-town" />
      </Form.Item>
      <Form.Item name="tier" label={t('network.field.tier')}>
        <Select allowClear style={{ width: 130 }} placeholder={t('common.all')} onChange={submit}
          options={INSTITUTION_TIERS.map((tier) => ({ value: tier, label: t(`network.tier.${tier}`) }))} data-testid="inst-filter-tier" />
      </Form.Item>
      <Form.Item name="kind" label={t('network.field.kind')}>
        <Select allowClear style={{ width: 170 }} placeholder={t('common.all')} onChange={submit}
          options={INSTITUTION_KINDS.map((kind) => ({ value: kind, label: t(`network.kind.${kind}`) }))} data-testid="inst-filter-kind" />
      </Form.Item>
      <Form.Item name="status" label={t('network.field.status')}>
        <Select allowClear style={{ width: 100 }} placeholder={t('common.all')} onChange={submit}
          options={INSTITUTION_STATUSES.map((s) => ({ value: s, label: t(`network.status.${s}`) }))} data-testid="inst-filter-status" />
      </Form.Item>
      <Form.Item>
        <Button icon={<ReloadOutlined aria-hidden />} onClick={() => { form.resetFields(); onChange({}); }}>
          {t('common.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
