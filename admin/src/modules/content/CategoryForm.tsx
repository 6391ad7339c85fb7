import { Alert, Button, Flex, Form, Input, InputNumber, Popconfirm, Select, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../core/i18n/useT';
import { useFormSubmit } from '../../core/api/useFormSubmit';
import type { Category, CategoryInput } from './types';
import { ITEM_KINDS } from './types';

const FIELDS = ['parentId', 'slug', 'nameZh', 'nameEn', 'description', 'itemKind', 'reviewLevels', 'sort', 'visible'] as const;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type CategoryFormMode = { kind: 'edit'; category: Category } | { kind: 'create'; parent: Category | null };

interface Props {
  mode: CategoryFormMode;
  onSave: (input: CategoryInput) => Promise<unknown>;
  onDelete: (category: Category) => Promise<void>;
  /** The server's reason when it refused to delete (items or children). */
  deleteError: string | null;
}

/** Edits one category, or a new one under `parent` (null: a top-level category). */
export function CategoryForm({ mode, onSave, onDelete, deleteError }: Props) {
  const t = useT();
  const [form] = Form.useForm<CategoryInput>();
  const { run, submitting, error, clearError } = useFormSubmit(form, FIELDS);
  const editing = mode.kind === 'edit' ? mode.category : null;

  useEffect(() => {
    form.resetFields();
    clearError();
    if (mode.kind === 'edit') {
      const c = mode.category;
      form.setFieldsValue({
        slug: c.slug,
        nameZh: c.nameZh,
        nameEn: c.nameEn,
        description: c.description,
        itemKind: c.itemKind,
        reviewLevels: c.reviewLevels,
        sort: c.sort,
        visible: c.visible,
      });
    } else {
      form.setFieldsValue({
        itemKind: mode.parent?.itemKind ?? 'article',
        reviewLevels: mode.parent?.reviewLevels ?? 1,
        sort: 0,
        visible: true,
      });
    }
  }, [mode, form, clearError]);

  const onFinish = (values: CategoryInput) =>
    run(() =>
      onSave({
        ...values,
        nameZh: values.nameZh.trim(),
        nameEn: values.nameEn?.trim() ?? '',
        description: values.description?.trim() ?? '',
        ...(mode.kind === 'create' ? { parentId: mode.parent?.id ?? null } : {}),
      }),
    );

  return (
    <Form<CategoryInput> form={form} name="category" layout="vertical" onFinish={onFinish} data-testid="category-form">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {editing
          ? t('content.categories.editTitle', { name: editing.nameZh })
          : mode.kind === 'create' && mode.parent
            ? t('content.categories.createChildTitle', { parent: mode.parent.nameZh })
            : t('content.categories.createRootTitle')}
      </Typography.Title>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {deleteError ? <Alert type="error" showIcon title={deleteError} style={{ marginBottom: 16 }} data-testid="category-delete-error" /> : null}
      <Flex gap={16} wrap>
        <Form.Item
          name="nameZh"
          label={t('content.categories.nameZh')}
          rules={[{ required: true, whitespace: true, message: t('content.field.required') }, { max: 40 }]}
          style={{ flex: '1 1 200px' }}
        >
          <Input data-testid="category-name-zh" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('content.categories.nameEn')} rules={[{ max: 80 }]} style={{ flex: '1 1 200px' }}>
          <Input />
        </Form.Item>
      </Flex>
      <Flex gap={16} wrap>
        <Form.Item
          name="slug"
          label={t('content.categories.slug')}
          tooltip={t('content.categories.slugHint')}
          rules={[
            { required: true, message: t('content.field.required') },
            { max: 60 },
            { pattern: SLUG_PATTERN, message: t('content.categories.slugInvalid') },
          ]}
          style={{ flex: '1 1 200px' }}
        >
          <Input className="lc-mono" prefix="/c/" data-testid="category-slug" />
        </Form.Item>
        <Form.Item name="itemKind" label={t('content.categories.itemKind')} style={{ flex: '1 1 160px' }}>
          <Select options={ITEM_KINDS.map((kind) => ({ value: kind, label: t(`content.kind.${kind}`) }))} />
        </Form.Item>
      </Flex>
      <Flex gap={16} wrap>
        <Form.Item name="reviewLevels" label={t('content.categories.reviewLevels')} tooltip={t('content.categories.reviewLevelsHint')}>
          <Select
            style={{ width: 140 }}
            options={[0, 1, 2, 3].map((n) => ({ value: n, label: t('content.categories.levels', { n }) }))}
          />
        </Form.Item>
        <Form.Item name="sort" label={t('content.categories.sort')}>
          <InputNumber min={-1_000_000} max={1_000_000} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="visible" label={t('content.categories.visible')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Flex>
      <Form.Item name="description" label={t('content.categories.descriptionLabel')} rules={[{ max: 500 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      {editing ? (
        <Typography.Paragraph type="secondary">
          {t('content.categories.counts', { items: editing.itemCount, children: editing.childCount })}
        </Typography.Paragraph>
      ) : null}
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="category-save">
          {t('common.save')}
        </Button>
        {editing ? (
          <Popconfirm
            title={t('content.categories.deleteConfirm', { name: editing.nameZh })}
            okText={t('content.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => onDelete(editing)}
          >
            <Button danger data-testid="category-delete">
              {t('content.delete')}
            </Button>
          </Popconfirm>
        ) : null}
      </Flex>
    </Form>
  );
}
