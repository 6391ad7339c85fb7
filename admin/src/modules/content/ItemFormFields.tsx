import { Col, Form, Input, Row, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { Id } from '../../core/api/types';
import { useLang, useT } from '../../core/i18n/useT';
import { BodyEditor } from './BodyEditor';
import { buildCategoryTree } from './categoryTree';
import { ARTICLE_SUMMARY_MAX, OFFICIAL_SUMMARY_MAX } from './itemFormValues';
import { ItemPicker } from './ItemPicker';
import type { OwnerScope } from './ownerScopes';
import type { Category, ItemKind } from './types';

interface Props {
  /** Known once a category is chosen (the category decides); summaries and category choices follow it. */
  kind: ItemKind | undefined;
  creating: boolean;
  disabled: boolean;
  categories: readonly Category[];
  categoriesLoading: boolean;
  scopes: readonly OwnerScope[];
  /** The owner scope's name when the item is owned outside the caller's write grants (a reviewer reading). */
  ownerScopeName?: string;
  itemId?: Id;
  interpretationOfTitle?: string;
  /** Pictures in the body are stored as the item's image attachments (saved items only). */
  onUploadImage?: (file: File) => Promise<string>;
}

/** Title, category, owner, source, author, keywords, summary and body: the fields every item has. */
export function ItemFormFields(props: Props) {
  const { kind, creating, disabled, categories, categoriesLoading, scopes, ownerScopeName, itemId, interpretationOfTitle, onUploadImage } = props;
  const t = useT();
  const { lang } = useLang();
  // A saved item keeps its kind: only categories of that kind are offered.
  const tree = useMemo(() => buildCategoryTree(categories, lang, creating ? undefined : kind), [categories, lang, kind, creating]);
  const summaryMax = kind === 'official_document' ? OFFICIAL_SUMMARY_MAX : ARTICLE_SUMMARY_MAX;
  const required = { required: true, whitespace: true, message: t('content.field.required') };
  const scopeOptions = useMemo(() => scopes.map((s) => ({ value: s.value, label: s.label })), [scopes]);

  return (
    <>
      <Form.Item name="title" label={t('content.field.title')} rules={[required, { max: 200 }]}>
        <Input disabled={disabled} data-testid="item-title" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="categoryId" label={t('content.field.category')} rules={[{ required: true, message: t('content.field.categoryRequired') }]}>
            <TreeSelect
              disabled={disabled}
              showSearch
              treeNodeFilterProp="title"
              treeData={tree}
              treeDefaultExpandAll
              loading={categoriesLoading}
              placeholder={t('content.field.categoryPlaceholder')}
              data-testid="item-category"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          {creating ? (
            <Form.Item
              name="ownerScope"
              label={t('content.field.ownerScope')}
              tooltip={t('content.field.ownerScopeHint')}
              rules={[{ required: true, message: t('content.field.ownerScopeRequired') }]}
            >
              <Select options={scopeOptions} data-testid="item-owner-scope" />
            </Form.Item>
          ) : (
            <Form.Item label={t('content.field.ownerScope')}>
              <Input value={ownerScopeName ?? '—'} disabled />
            </Form.Item>
          )}
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="source" label={t('content.field.source')} rules={[required, { max: 100 }]}>
            <Input disabled={disabled} placeholder={t('content.field.sourcePlaceholder')} data-testid="item-source" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="author" label={t('content.field.author')} rules={[{ max: 50 }]}>
            <Input disabled={disabled} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="keywords" label={t('content.field.keywords')} tooltip={t('content.field.keywordsHint')} rules={[{ max: 200 }]}>
            <Input disabled={disabled} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="summary"
        label={t('content.field.summary')}
        tooltip={kind === 'official_document' ? t('content.field.summaryOfficialHint') : t('content.field.summaryHint')}
        rules={[{ max: summaryMax, message: t('content.field.summaryTooLong', { max: summaryMax }) }]}
      >
        <Input.TextArea disabled={disabled} showCount maxLength={summaryMax} autoSize={{ minRows: 2, maxRows: 5 }} data-testid="item-summary" />
      </Form.Item>
      <Form.Item name="bodyHtml" label={t('content.field.body')} rules={[{ required: true, message: t('content.field.bodyRequired') }]}>
        {disabled ? <ReadOnlyBody /> : <BodyEditor aria-label={t('content.field.body')} onUploadImage={onUploadImage} />}
      </Form.Item>
      {/* Only an article can be a 政策解读 (the server refuses the link on an official document). */}
      {kind === 'article' ? (
        <Form.Item name="interpretationOfId" label={t('content.field.interpretationOf')} tooltip={t('content.field.interpretationOfHint')}>
          <ItemPicker
            kind="official_document"
            excludeId={itemId}
            currentTitle={interpretationOfTitle}
            disabled={disabled}
            placeholder={t('content.field.interpretationOfPlaceholder')}
            data-testid="item-interpretation-of"
          />
        </Form.Item>
      ) : null}
    </>
  );
}

/** The body as the portal will show it, for readers who may not edit (the server sanitised it on save). */
function ReadOnlyBody({ value }: { value?: string }) {
  return (
    <div
      className="lc-body-editor-area"
      style={{ border: '1px solid rgba(5,5,5,0.06)', borderRadius: 6, padding: '8px 12px', maxHeight: 560, overflow: 'auto', lineHeight: 1.8 }}
      data-testid="body-readonly"
      dangerouslySetInnerHTML={{ __html: value ?? '' }}
    />
  );
}
