import { ReloadOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, TreeSelect } from 'antd';
import { useEffect, useMemo } from 'react';
import type { FilterValues } from '../../core/hooks/useUrlState';
import { useLang, useT } from '../../core/i18n/useT';
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
  const [form] = Form.useForm<FilterValues<ItemFilterKey>>();
  const tree = useMemo(() => buildCategoryTree(categories, lang), [categories, lang]);

  useEffect(() => {
    form.setFieldsValue({ q: undefined, categoryId: undefined, status: undefined, kind: undefined, ...value });
  }, [form, value]);

  const submit = () => onChange(form.getFieldsValue());

  return (
    <Form form={form} name="itemFilters" layout="inline" onFinish={submit} style={{ rowGap: 12 }} aria-label={t('content.items.filters')}>
      <Form.Item name="q" label={t('content.items.filter.q')}>
        <Input.Search
          allowClear
          placeholder={t('content.items.filter.qPlaceholder')}
          onSearch={submit}
          style={{ width: 200 }}
          data-testid="items-filter-q"
        />
      </Form.Item>
      <Form.Item name="categoryId" label={t('content.field.category')}>
        <TreeSelect
          allowClear
          showSearch
          treeNodeFilterProp="title"
          style={{ width: 170 }}
          placeholder={t('common.all')}
          treeData={tree}
          treeDefaultExpandAll
          loading={categoriesLoading}
          onChange={submit}
          data-testid="items-filter-category"
        />
      </Form.Item>
      <Form.Item name="status" label={t('content.field.status')}>
        <Select
          allowClear
          style={{ width: 110 }}
          placeholder={t('common.all')}
          onChange={submit}
          options={ITEM_STATUSES.map((status) => ({ value: status, label: itemStatusLabel(t, status) }))}
          data-testid="items-filter-status"
        />
      </Form.Item>
      <Form.Item name="kind" label={t('content.field.kind')}>
        <Select
          allowClear
          style={{ width: 110 }}
          placeholder={t('common.all')}
          onChange={submit}
          options={ITEM_KINDS.map((kind) => ({ value: kind, label: t(`content.kind.${kind}`) }))}
          data-testid="items-filter-kind"
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
