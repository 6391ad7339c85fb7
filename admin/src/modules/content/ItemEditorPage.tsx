import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Result, Row, Skeleton, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { useProblemText } from '../../core/api/useProblemText';
import { useQuery } from '../../core/api/useQuery';
import { useAuth } from '../../core/auth/useAuth';
import { useLang, useT } from '../../core/i18n/useT';
import { PageContainer } from '../../core/ui/PageContainer';
import { useFormSubmit } from '../../core/api/useFormSubmit';
import { itemsApi, type ImportOutcome } from './api';
import { MAX_UPLOAD_BYTES } from '../../core/hooks/useUpload';
import { AttachmentsCard } from './AttachmentsCard';
import { editorPath } from './itemColumns';
import { emptyValues, inputFromValues, ITEM_FORM_FIELDS, valuesFromItem, type ItemFormValues } from './itemFormValues';
import { ItemFormFields } from './ItemFormFields';
import { ItemStatusTag } from './labels';
import { OfficialFieldsSection } from './OfficialFieldsSection';
import { withOfficialFieldPaths } from './officialFieldErrors';
import { ownerScopes } from './ownerScopes';
import { RevisionsCard } from './RevisionsCard';
import type { ItemDetail } from './types';
import { useCategories } from './useCategories';
import { WorkflowPanel } from './WorkflowPanel';

/**
 * One article or official document: the form (every save a new revision), attachments, the workflow panel
 * with its history, and the revisions with their differences. `/content/items/new` drafts a new one.
 */
export default function ItemEditorPage() {
  const t = useT();
  const problemText = useProblemText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id } = useParams();
  const [searchParams] = useSearchParams();
  const { lang } = useLang();
  // Set by the import page: what the import recognised and could not carry over, shown above the new draft.
  const importOutcome = (useLocation().state as { importOutcome?: ImportOutcome } | null)?.importOutcome;
  const importWarnings = importOutcome?.warnings ?? [];
  const creating = id === undefined;
  const { me } = useAuth();
  const scopes = useMemo(() => ownerScopes(me, 'item'), [me]);
  const categories = useCategories();
  const loaded = useQuery(creating ? null : `item:${id}`, (signal) => itemsApi.get(id!, signal));

  const [item, setItem] = useState<ItemDetail | null>(null);
  const [dirty, setDirty] = useState(false);
  const [form] = Form.useForm<ItemFormValues>();
  const { run, submitting, error, clearError } = useFormSubmit(form, ITEM_FORM_FIELDS);

  /** Shows a saved state of the item: the form takes its values (there are no unsaved edits to keep). */
  const accept = useCallback(
    (next: ItemDetail) => {
      setItem(next);
      form.resetFields();
      form.setFieldsValue(valuesFromItem(next));
      setDirty(false);
      clearError();
    },
    [form, clearError],
  );

  useEffect(() => {
    if (loaded.data) accept(loaded.data);
  }, [loaded.data, accept]);

  /** Attachments changed: the item's lists reload, the form keeps what is being typed. */
  const refreshItem = useCallback(async () => {
    if (!id) return;
    try {
      setItem(await itemsApi.get(id));
    } catch (failure) {
      message.error(problemText(failure));
    }
  }, [id, message, problemText]);

  const uploadImage = useCallback(
    async (file: File) => {
      if (!id) throw new Error('the item is not saved yet');
      if (file.size > MAX_UPLOAD_BYTES) {
        message.error(t('content.attachments.tooLarge'));
        throw new Error('too large');
      }
      try {
        const attachment = await itemsApi.uploadAttachment(id, file, 'image');
        void refreshItem();
        return attachment.url;
      } catch (failure) {
        message.error(problemText(failure));
        throw failure;
      }
    },
    [id, message, problemText, refreshItem, t],
  );

  useEffect(() => {
    if (creating) form.setFieldsValue(emptyValues(scopes, searchParams.get('categoryId') ?? undefined));
  }, [creating, form, scopes, searchParams]);

  // Leaving the page (reload, closing the tab) with unsaved edits asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const categoryId = Form.useWatch('categoryId', form);
  const kind = creating ? categories.data?.find((c) => c.id === categoryId)?.itemKind : item?.kind;
  const editable = creating || !!item?.abilities.edit;

  const onFinish = async (values: ItemFormValues) => {
    if (!kind) return;
    const input = inputFromValues(kind, values, scopes, creating ? null : item!.latestRevision);
    const saved = await run(() =>
      (creating ? itemsApi.create(input) : itemsApi.save(item!.id, input)).catch((failure: unknown) => {
        throw withOfficialFieldPaths(failure);
      }),
    );
    if (!saved) return;
    message.success(creating ? t('content.editor.created') : t('content.editor.saved', { revision: saved.latestRevision }));
    if (creating) navigate(editorPath(saved.id), { replace: true });
    else accept(saved);
  };

  if (!creating && loaded.error && !item) {
    return (
      <Result
        status="warning"
        title={problemText(loaded.error)}
        extra={
          <Link to="/content/items">
            <Button>{t('content.editor.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  if (!creating && !item) return <Skeleton active paragraph={{ rows: 12 }} />;

  const title = creating ? t('content.editor.newTitle') : item!.title;
  const saveButton = editable ? (
    <Button type="primary" icon={<SaveOutlined aria-hidden />} loading={submitting} onClick={() => form.submit()} data-testid="item-save">
      {creating ? t('content.editor.createDraft') : t('content.editor.save')}
    </Button>
  ) : null;

  return (
    <PageContainer
      title={title}
      description={
        item ? (
          <Space size={8} wrap>
            <ItemStatusTag status={item.status} />
            <span>{t(`content.kind.${item.kind}`)}</span>
            <span>{item.categoryName}</span>
            <span>{t('content.editor.revisionOf', { revision: item.latestRevision })}</span>
            {item.official?.docNumber ? <span className="lc-mono">{item.official.docNumber}</span> : null}
          </Space>
        ) : (
          t('content.editor.newDescription')
        )
      }
      extra={
        <>
          <Link to="/content/items">
            <Button icon={<ArrowLeftOutlined aria-hidden />}>{t('content.editor.backToList')}</Button>
          </Link>
          {saveButton}
        </>
      }
    >
      {item?.pendingEdit ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('content.editor.pendingEdit', {
            revision: item.pendingEdit.revision,
            status: t(`content.status.${item.pendingEdit.status}`),
          })}
        />
      ) : null}
      {importOutcome ? (
        <Alert
          type="success"
          showIcon
          closable
          style={{ marginBottom: 16 }}
          title={t('content.import.recognised', {
            sections: importOutcome.recognised.sectionCount,
            dropped: importOutcome.recognised.droppedLines,
          })}
          data-testid="import-recognised"
        />
      ) : null}
      {importWarnings.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          closable
          style={{ marginBottom: 16 }}
          title={t('content.import.warnings')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {importWarnings.map((w, i) => (
                <li key={i}>{w.message[lang] || w.message['zh-CN']}</li>
              ))}
            </ul>
          }
          data-testid="import-warnings"
        />
      ) : null}
      {item && !editable ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('content.editor.readOnly')} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Form<ItemFormValues>
            form={form}
            name="item"
            layout="vertical"
            onFinish={onFinish}
            onValuesChange={() => setDirty(true)}
            scrollToFirstError
            data-testid="item-form"
          >
            <Card title={t('content.editor.basics')} size="small" style={{ marginBottom: 16 }}>
              {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="item-form-error" /> : null}
              <ItemFormFields
                kind={kind}
                creating={creating}
                disabled={!editable}
                categories={categories.data ?? []}
                categoriesLoading={categories.loading}
                scopes={scopes}
                ownerScopeName={item?.ownerScope.name}
                itemId={item?.id}
                interpretationOfTitle={item?.interpretationOf?.title}
                onUploadImage={item ? uploadImage : undefined}
              />
              {item && item.interpretations.length > 0 ? (
                <Typography.Paragraph>
                  {t('content.editor.interpretations')}
                  {item.interpretations.map((link) => (
                    <Link key={link.id} to={editorPath(link.id)} style={{ marginInlineStart: 8 }}>
                      {link.title}
                    </Link>
                  ))}
                </Typography.Paragraph>
              ) : null}
            </Card>
            {kind === 'official_document' ? (
              <Card title={t('content.editor.officialFields')} size="small" style={{ marginBottom: 16 }} data-testid="official-fields">
                <OfficialFieldsSection
                  disabled={!editable}
                  itemId={item?.id}
                  indexNumber={item?.official?.indexNumber}
                  repealedByTitle={item?.official?.repealedBy?.title}
                />
              </Card>
            ) : null}
            {editable ? (
              <Card size="small" style={{ marginBottom: 16 }}>
                {!creating ? (
                  <Form.Item name="note" label={t('content.editor.note')} rules={[{ max: 200 }]}>
                    <Input placeholder={t('content.editor.notePlaceholder')} />
                  </Form.Item>
                ) : null}
                {saveButton}
                {dirty ? (
                  <Typography.Text type="warning" style={{ marginInlineStart: 12 }} data-testid="item-dirty">
                    {t('content.editor.unsaved')}
                  </Typography.Text>
                ) : null}
              </Card>
            ) : null}
          </Form>
          {item ? <AttachmentsCard item={item} onChanged={refreshItem} /> : null}
        </Col>
        <Col xs={24} xl={8}>
          {item ? (
            <Flex vertical gap={16}>
              <WorkflowPanel
                item={item}
                dirty={dirty}
                plannedReviews={categories.data?.find((c) => c.id === item.categoryId)?.reviewLevels}
                onChanged={accept}
              />
              <RevisionsCard itemId={item.id} revision={item.latestRevision} />
            </Flex>
          ) : (
            <Card size="small" title={t('content.workflow.title')}>
              <Typography.Paragraph type="secondary">{t('content.editor.workflowAfterCreate')}</Typography.Paragraph>
            </Card>
          )}
        </Col>
      </Row>
    </PageContainer>
  );
}
