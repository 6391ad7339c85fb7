import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { FilterValues } from '../../core/hooks/useUrlState';
import { useT } from '../../core/i18n/useT';
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
  const [form] = Form.useForm<FormValues>();

  useEffect(() => {
    form.setFieldsValue(toForm(value));
  }, [form, value]);

  const submit = () => onChange(fromForm(form.getFieldsValue()));

  return (
    <Form form={form} name="auditFilters" layout="inline" onFinish={submit} style={{ rowGap: 12 }} aria-label={t('audit.filters')}>
      <Form.Item name="actor" label={t('audit.filter.actor')}>
        <Input allowClear style={{ width: 150 }} placeholder={t('audit.filter.actorPlaceholder')} />
      </Form.Item>
      <Form.Item name="action" label={t('audit.filter.action')}>
        <Input allowClear style={{ width: 170 }} placeholder={t('audit.filter.actionPlaceholder')} />
      </Form.Item>
      <Form.Item name="outcome" label={t('audit.filter.outcome')}>
        <Select
          allowClear
          style={{ width: 110 }}
          placeholder={t('common.all')}
          onChange={submit}
          options={AUDIT_OUTCOMES.map((o) => ({ value: o, label: t(`audit.outcome.${o}`) }))}
        />
      </Form.Item>
      <Form.Item name="targetType" label={t('audit.filter.targetType')}>
        <Input allowClear style={{ width: 130 }} placeholder={t('audit.filter.targetTypePlaceholder')} />
      </Form.Item>
      <Form.Item name="range" label={t('audit.filter.date')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} onChange={submit} style={{ width: 250 }} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>
          {t('common.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          icon={<ReloadOutlined aria-hidden />}
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
