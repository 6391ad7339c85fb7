import { ReloadOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import type { FilterValues } from '../../core/hooks/useUrlState';
import { useT } from '../../core/i18n/useT';
import { JOB_STATUSES } from './types';

export const JOB_FILTER_KEYS = ['q', 'status'] as const;
type JobFilterKey = (typeof JOB_FILTER_KEYS)[number];

/** Keyword and status filters of the job postings list (kept in the URL by the page). */
export function JobFilters({ value, onChange }: { value: FilterValues<JobFilterKey>; onChange: (v: FilterValues<JobFilterKey>) => void }) {
  const t = useT();
  const [form] = Form.useForm<FilterValues<JobFilterKey>>();
  useEffect(() => form.setFieldsValue({ q: undefined, status: undefined, ...value }), [form, value]);
  const submit = () => onChange(form.getFieldsValue());
  return (
    <Form form={form} name="jobFilters" layout="inline" onFinish={submit} style={{ rowGap: 12 }}>
      <Form.Item name="q" label={t('content.items.filter.q')}>
        <Input.Search allowClear placeholder={t('content.jobs.filterPlaceholder')} onSearch={submit} style={{ width: 220 }} data-testid="jobs-filter-q" />
      </Form.Item>
      <Form.Item name="status" label={t('content.field.status')}>
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t('common.all')}
          onChange={submit}
          options={JOB_STATUSES.map((s) => ({ value: s, label: t(`content.job.status.${s}`) }))}
        />
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
