import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Tabs, TreeSelect, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth } from '../../core/auth/useAuth';
import { useLang, useT } from '../../core/i18n/useT';
import { PageContainer } from '../../core/ui/PageContainer';
import { useFormSubmit } from '../../core/api/useFormSubmit';
import { importApi, type ImportOptions, type ImportOutcome, type ImportResult } from './api';
import { MAX_UPLOAD_BYTES } from '../../core/hooks/useUpload';
import { buildCategoryTree } from './categoryTree';
import { editorPath } from './itemColumns';
import { withOfficialFieldPaths } from './officialFieldErrors';
import { ownerScopes, parseScopeValue } from './ownerScopes';
import { DOC_TYPES, type DocType } from './types';
import { useCategories } from './useCategories';

interface Values {
  categoryId?: string;
  ownerScope?: string;
  source?: string;
  /** 公文 fields no document states (organ code, topic) or that the editor knows better. */
  official?: { docType?: DocType; issuingOrgan?: string; organCode?: string; topic?: string };
}

const FIELDS = ['categoryId', 'ownerScope', 'source', 'official', 'text', 'file'] as const;
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const MAX_PASTE_CHARS = 200_000;

/** Non-empty 公文 overrides only: an empty field means "use what the document says". */
function officialOverrides(values: Values['official']): ImportOptions['official'] {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values ?? {})) if (typeof value === 'string' && value.trim()) out[key] = value.trim();
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * 导入: a Word file (headings, lists, tables and images kept; the file stays attached as the record) or the
 * pasted text of an official document (sections and closing recognised, web-page debris dropped) becomes a
 * draft, which opens in the editor with any warnings of the import.
 */
export default function ImportPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { me } = useAuth();
  const scopes = useMemo(() => ownerScopes(me, 'item'), [me]);
  const categories = useCategories();
  const tree = useMemo(() => buildCategoryTree(categories.data ?? [], lang), [categories.data, lang]);
  const [form] = Form.useForm<Values>();
  const { run, submitting, error } = useFormSubmit(form, FIELDS);
  const [text, setText] = useState('');
  const categoryId = Form.useWatch('categoryId', form);
  const official = categories.data?.find((c) => c.id === categoryId)?.itemKind === 'official_document';

  const options = async (): Promise<ImportOptions | null> => {
    try {
      const values = await form.validateFields();
      const scope = parseScopeValue(values.ownerScope, scopes);
      return {
        categoryId: values.categoryId!,
        ownerScope: scope ? { type: scope.scopeType, id: scope.scopeId } : undefined,
        source: values.source?.trim() || undefined,
        official: official ? officialOverrides(values.official) : undefined,
      };
    } catch {
      return null;
    }
  };

  const importWith = async (action: (o: ImportOptions) => Promise<ImportResult>) => {
    const o = await options();
    if (!o) return;
    const result = await run(() =>
      action(o).catch((failure: unknown) => {
        throw withOfficialFieldPaths(failure);
      }),
    );
    if (!result) return;
    message.success(t('content.import.done'));
    const outcome: ImportOutcome = { recognised: result.recognised, warnings: result.warnings };
    navigate(editorPath(result.item.id), { state: { importOutcome: outcome } });
  };

  const onFile = (file: File) => {
    if (file.size > MAX_UPLOAD_BYTES) message.error(t('content.attachments.tooLarge'));
    else void importWith((o) => importApi.docx(file, o));
    return false;
  };

  return (
    <PageContainer title={t('content.import.title')} description={t('content.import.description')}>
      <Card>
        <Form<Values> form={form} name="import" layout="vertical" initialValues={{ ownerScope: scopes[0]?.value }}>
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="import-error" /> : null}
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item name="categoryId" label={t('content.field.category')} rules={[{ required: true, message: t('content.field.categoryRequired') }]}>
                <TreeSelect
                  showSearch
                  treeNodeFilterProp="title"
                  treeData={tree}
                  treeDefaultExpandAll
                  loading={categories.loading}
                  placeholder={t('content.field.categoryPlaceholder')}
                  data-testid="import-category"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={7}>
              <Form.Item name="ownerScope" label={t('content.field.ownerScope')} rules={[{ required: true, message: t('content.field.ownerScopeRequired') }]}>
                <Select options={scopes.map((s) => ({ value: s.value, label: s.label }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={7}>
              <Form.Item name="source" label={t('content.field.source')} tooltip={t('content.import.sourceHint')} rules={[{ max: 100 }]}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
          {official ? (
            <>
              <Typography.Paragraph type="secondary">{t('content.import.officialHint')}</Typography.Paragraph>
              <Row gutter={16}>
                <Col xs={24} md={6}>
                  <Form.Item name={['official', 'docType']} label={t('content.official.docType')}>
                    <Select allowClear options={DOC_TYPES.map((type) => ({ value: type, label: t(`content.docType.${type}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name={['official', 'issuingOrgan']} label={t('content.official.issuingOrgan')} rules={[{ max: 100 }]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={5}>
                  <Form.Item
                    name={['official', 'organCode']}
                    label={t('content.official.organCode')}
                    rules={[{ pattern: /^[0-9A-Za-z-]{1,20}$/, message: t('content.official.organCodeInvalid') }]}
                  >
                    <Input className="lc-mono" data-testid="import-organ-code" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={5}>
                  <Form.Item name={['official', 'topic']} label={t('content.official.topic')} rules={[{ max: 60 }]}>
                    <Input data-testid="import-topic" />
                  </Form.Item>
                </Col>
              </Row>
            </>
          ) : null}
        </Form>
        <Tabs
          items={[
            {
              key: 'docx',
              label: t('content.import.docxTab'),
              children: (
                <Upload.Dragger
                  accept={`.docx,${DOCX_TYPE}`}
                  multiple={false}
                  showUploadList={false}
                  beforeUpload={onFile}
                  disabled={submitting}
                  data-testid="import-docx"
                >
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined aria-hidden />
                  </p>
                  <p className="ant-upload-text">{t('content.import.docxDrop')}</p>
                  <p className="ant-upload-hint">{t('content.import.docxHint')}</p>
                </Upload.Dragger>
              ),
            },
            {
              key: 'text',
              label: t('content.import.textTab'),
              children: (
                <>
                  <Typography.Paragraph type="secondary">{t('content.import.textHint')}</Typography.Paragraph>
                  <Input.TextArea
                    value={text}
                    onChange={(e) => setText(e.target.value)}
                    autoSize={{ minRows: 10, maxRows: 24 }}
                    maxLength={MAX_PASTE_CHARS}
                    aria-label={t('content.import.textTab')}
                    data-testid="import-text"
                  />
                  <Button
                    type="primary"
                    style={{ marginTop: 12 }}
                    loading={submitting}
                    disabled={!text.trim()}
                    onClick={() => importWith((o) => importApi.text(text, o))}
                    data-testid="import-text-submit"
                  >
                    {t('content.import.textSubmit')}
                  </Button>
                </>
              ),
            },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
