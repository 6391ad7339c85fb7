import { ReloadOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, TreeSelect } from 'antd';
import { useEffect, useMemo } from 'react';
import { ROLES, roleLabel } from '../../core/format/roles';
import type { FilterValues } from '../../core/hooks/useUrlState';
import { useT } from '../../core/i18n/useT';
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
  const [form] = Form.useForm<FilterValues<UserFilterKey>>();
  const regions = useRegions();
  const regionTree = useMemo(() => buildRegionTree(regions.data ?? []), [regions.data]);

  useEffect(() => {
    form.setFieldsValue({ q: undefined, role: undefined, status: undefined, regionId: undefined, ...value });
  }, [form, value]);

  const submit = () => onChange(form.getFieldsValue());

  return (
    <Form form={form} name="userFilters" layout="inline" onFinish={submit} style={{ rowGap: 12 }} aria-label={t('users.filters')}>
      <Form.Item name="q" label={t('users.filter.keyword')}>
        <Input.Search
          allowClear
          placeholder={t('users.filter.keywordPlaceholder')}
          onSearch={submit}
          style={{ width: 220 }}
          data-testid="users-filter-q"
        />
      </Form.Item>
      <Form.Item name="role" label={t('users.filter.role')}>
        <Select
          allowClear
          style={{ width: 150 }}
          placeholder={t('common.all')}
          onChange={submit}
          options={ROLES.map((role) => ({ value: role, label: roleLabel(t, role) }))}
          data-testid="users-filter-role"
        />
      </Form.Item>
      <Form.Item name="status" label={t('users.filter.status')}>
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t('common.all')}
          onChange={submit}
          options={USER_STATUSES.map((status) => ({ value: status, label: t(`users.status.${status}`) }))}
          data-testid="users-filter-status"
        />
      </Form.Item>
      <Form.Item name="regionId" label={t('users.filter.region')}>
        <TreeSelect
          allowClear
          showSearch
          treeNodeFilterProp="title"
          style={{ width: 200 }}
          placeholder={t('common.all')}
          treeData={regionTree}
          treeDefaultExpandAll
          loading={regions.loading}
          onChange={submit}
          data-testid="users-filter-region"
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
