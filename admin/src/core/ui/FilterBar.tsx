import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select, TreeSelect, type TreeSelectProps } from 'antd';
import { useEffect } from 'react';
import { useT } from '../i18n/useT';

interface FieldBase<N extends string> {
  name: N;
  label: string;
  width: number;
  testId?: string;
}

/** One filter of a list: a keyword search, a free text, a choice (also from a tree) or a date range. */
export type FilterField<N extends string> = FieldBase<N> &
  (
    | { kind: 'search' | 'text'; placeholder?: string }
    | { kind: 'select'; options: readonly { value: string; label: string }[] }
    | { kind: 'tree'; treeData: TreeSelectProps['treeData']; loading?: boolean }
    | { kind: 'dateRange' }
  );

interface Props<V extends object> {
  /** The form's name (the inputs' ids derive from it). */
  name: string;
  label?: string;
  fields: readonly FilterField<keyof V & string>[];
  value: V;
  onChange: (next: V) => void;
  /** A 查询 button, for bars whose text filters apply only when asked. */
  searchButton?: boolean;
}

/**
 * The filter bar above a list: choices apply at once, searches on Enter, 重置 clears them all. `value` must keep its
 * identity between renders while the filters do not change (it is written back into the form when it changes).
 */
export function FilterBar<V extends object>({ name, label, fields, value, onChange, searchButton }: Props<V>) {
  const t = useT();
  const [form] = Form.useForm<V>();
  const names = fields.map((f) => f.name).join(',');

  useEffect(() => {
    // Every field is set, so a filter removed from the URL is cleared in the form too.
    const cleared = Object.fromEntries(names.split(',').map((n) => [n, undefined]));
    form.setFieldsValue({ ...cleared, ...value } as Parameters<typeof form.setFieldsValue>[0]);
  }, [form, value, names]);

  const submit = () => onChange(form.getFieldsValue());

  const control = (field: FilterField<keyof V & string>) => {
    const common = { allowClear: true, style: { width: field.width }, 'data-testid': field.testId };
    switch (field.kind) {
      case 'search':
        return <Input.Search {...common} placeholder={field.placeholder} onSearch={submit} />;
      case 'text':
        return <Input {...common} placeholder={field.placeholder} />;
      case 'select':
        return <Select {...common} placeholder={t('common.all')} onChange={submit} options={[...field.options]} />;
      case 'tree':
        return (
          <TreeSelect {...common} showSearch treeNodeFilterProp="title" placeholder={t('common.all')} treeData={field.treeData}
            treeDefaultExpandAll loading={field.loading} onChange={submit} />
        );
      case 'dateRange':
        return <DatePicker.RangePicker allowEmpty={[true, true]} onChange={submit} style={common.style} data-testid={field.testId} />;
    }
  };

  return (
    <Form form={form} name={name} layout="inline" onFinish={submit} style={{ rowGap: 12 }} aria-label={label}>
      {fields.map((field) => (
        <Form.Item key={field.name} name={field.name as never} label={field.label}>
          {control(field)}
        </Form.Item>
      ))}
      {searchButton ? (
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>
            {t('common.search')}
          </Button>
        </Form.Item>
      ) : null}
      <Form.Item>
        <Button
          icon={<ReloadOutlined aria-hidden />}
          onClick={() => {
            form.resetFields();
            onChange({} as V);
          }}
        >
          {t('common.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
