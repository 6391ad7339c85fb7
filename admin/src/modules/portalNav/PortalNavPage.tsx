import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  ExportOutlined,
  HolderOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Popconfirm,
  Skeleton,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
  theme,
  type FormListFieldData,
  type TableColumnsType,
} from 'antd';
import { useCallback, useEffect, useRef, useState, type DragEvent, type HTMLAttributes } from 'react';
import { ApiError } from '../../core/api/ApiError';
import { toNamePath } from '../../core/api/fieldErrors';
import { localized } from '../../core/api/problemText';
import { useProblemText } from '../../core/api/useProblemText';
import { useQuery } from '../../core/api/useQuery';
import { useLang, useT } from '../../core/i18n/useT';
import { PageContainer } from '../../core/ui/PageContainer';
import { portalNavApi } from './api';
import { isChanged, isSitePath, NAV_LIMITS, newLink, sortedItems, toPayload } from './navRows';
import type { PortalNavItem } from './types';

interface Values {
  items: PortalNavItem[];
}

const FORM_NAME = 'portalNav';
const EDITABLE = ['labelZh', 'labelEn', 'href'] as const;
type Editable = (typeof EDITABLE)[number];

/** What to focus once the rows have re-rendered. */
type FocusTarget = { id: string; control: 'up' | 'down' | 'labelZh' };

/**
 * The portal's main navigation: names in both languages, order, visibility, and extra links to site pages.
 * Module sections can be hidden but not removed; the whole list is saved at once.
 */
export default function PortalNavPage() {
  const t = useT();
  const { lang } = useLang();
  const problemText = useProblemText();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const [form] = Form.useForm<Values>();
  const nav = useQuery('portal.nav', portalNavApi.get);

  // What the server has; the form is reset to it after loading, saving or cancelling.
  const [saved, setSaved] = useState<PortalNavItem[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null);
  /** The row a dragged row would land on, and on which side of it. */
  const [dragOver, setDragOver] = useState<{ index: number; after: boolean } | null>(null);
  const dragFrom = useRef<number | null>(null);
  const tableRef = useRef<HTMLDivElement>(null);

  const rows = Form.useWatch('items', { form, preserve: true }) as PortalNavItem[] | undefined;
  const dirty = saved !== null && isChanged(rows, saved);

  const load = useCallback((items: PortalNavItem[]) => {
    setSaved(sortedItems(items));
    setSaveError(null);
  }, []);

  useEffect(() => {
    if (nav.data) load(nav.data.items);
  }, [nav.data, load]);

  // Rendered with `initialValues` = the new `saved` by now: back to it, errors and all.
  useEffect(() => {
    if (saved) form.resetFields();
  }, [saved, form]);

  // Leaving the page (closing the tab, reloading) with unsaved edits asks first.
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  // Keyboard users keep their place when a row moves or is added (once the table shows the new order).
  useEffect(() => {
    if (!focusTarget) return;
    const frame = window.requestAnimationFrame(() => {
      setFocusTarget(null);
      const row = tableRef.current?.querySelector(`tr[data-row-id="${CSS.escape(focusTarget.id)}"]`);
      if (!row) return;
      if (focusTarget.control === 'labelZh') {
        row.querySelector<HTMLInputElement>('input[data-field="labelZh"]')?.focus();
        return;
      }
      const other = focusTarget.control === 'up' ? 'down' : 'up';
      const wanted = row.querySelector<HTMLButtonElement>(`button[data-move="${focusTarget.control}"]`);
      (wanted && !wanted.disabled ? wanted : row.querySelector<HTMLButtonElement>(`button[data-move="${other}"]`))?.focus();
    });
    return () => window.cancelAnimationFrame(frame);
  }, [focusTarget]);

  const onFinish = async () => {
    const current = (form.getFieldValue('items') as PortalNavItem[] | undefined) ?? [];
    setSaving(true);
    setSaveError(null);
    try {
      const result = await portalNavApi.put(toPayload(current));
      load(result.items);
      message.success(t('portalNav.saved'));
    } catch (failure) {
      setSaveError(applyServerErrors(failure, current));
    } finally {
      setSaving(false);
    }
  };

  /** Puts the server's reasons on the cells they are about; returns the text for the alert above the table. */
  const applyServerErrors = (failure: unknown, current: PortalNavItem[]): string => {
    const general = problemText(failure, false);
    if (!(failure instanceof ApiError) || !failure.problem?.errors?.length) return general;
    const onCells: { name: ['items', number, Editable]; errors: string[] }[] = [];
    const elsewhere: string[] = [];
    for (const item of failure.problem.errors) {
      const text = localized(item.message, lang) ?? item.code;
      const [list, index, field] = toNamePath(item.field ?? '');
      const row = typeof index === 'number' ? current[index] : undefined;
      if (list === 'items' && row && EDITABLE.includes(field as Editable)) {
        onCells.push({ name: ['items', index as number, field as Editable], errors: [text] });
      } else if (list === 'items' && row) {
        elsewhere.push(t('portalNav.rowError', { n: (index as number) + 1, label: row.labelZh || row.id, text }));
      } else {
        elsewhere.push(text);
      }
    }
    form.setFields(onCells);
    return [onCells.length > 0 ? t('portalNav.fixMarked') : general, ...elsewhere].join(' ');
  };

  const cancel = () => {
    if (saved) load(saved);
  };

  return (
    <PageContainer
      title={t('portalNav.title')}
      description={t('portalNav.description')}
      extra={
        <Button href="/" target="_blank" rel="noopener noreferrer" icon={<ExportOutlined aria-hidden />} data-testid="portal-open">
          {t('portalNav.viewInPortal')}
        </Button>
      }
    >
      <Card>
        {nav.error && !saved ? (
          <Alert
            type="error"
            showIcon
            title={problemText(nav.error)}
            action={
              <Button size="small" onClick={nav.reload}>
                {t('common.retry')}
              </Button>
            }
          />
        ) : !saved ? (
          <Skeleton active />
        ) : (
          <Form<Values>
            form={form}
            name={FORM_NAME}
            initialValues={{ items: saved }}
            onFinish={onFinish}
            onFinishFailed={() => setSaveError(t('portalNav.fixMarked'))}
            data-testid="portal-nav-form"
          >
            <Alert type="info" showIcon title={t('portalNav.hint')} style={{ marginBottom: 16 }} />
            {saveError ? (
              <Alert type="error" showIcon title={saveError} style={{ marginBottom: 16 }} data-testid="portal-nav-error" />
            ) : null}
            <Form.List name="items">
              {(fields, { add, remove, move }) => {
                const count = fields.length;
                // From the store, not the watched copy: always in step with the field indexes being rendered.
                const rowAt = (index: number): PortalNavItem | undefined => form.getFieldValue(['items', index]);
                const moveRow = (from: number, to: number, control?: FocusTarget['control']) => {
                  if (to < 0 || to >= count || from === to) return;
                  const id = rowAt(from)?.id;
                  move(from, to);
                  if (id && control) setFocusTarget({ id, control });
                };
                const onDrop = (event: DragEvent, to: number) => {
                  event.preventDefault();
                  const from = dragFrom.current;
                  dragFrom.current = null;
                  setDragOver(null);
                  if (from !== null) moveRow(from, to);
                };

                const columns: TableColumnsType<FormListFieldData> = [
                  {
                    title: t('portalNav.col.order'),
                    key: 'order',
                    width: 128,
                    render: (_: unknown, field) => (
                      <Flex align="center" gap={2}>
                        <span
                          className="lc-drag-handle"
                          draggable
                          title={t('portalNav.dragHint')}
                          aria-hidden
                          onDragStart={(event) => {
                            dragFrom.current = field.name;
                            event.dataTransfer.effectAllowed = 'move';
                            event.dataTransfer.setData('text/plain', rowAt(field.name)?.id ?? '');
                            const tr = event.currentTarget.closest('tr');
                            if (tr) event.dataTransfer.setDragImage(tr, 16, 16);
                          }}
                          onDragEnd={() => {
                            dragFrom.current = null;
                            setDragOver(null);
                          }}
                        >
                          <HolderOutlined />
                        </span>
                        <Typography.Text type="secondary" style={{ width: 22, textAlign: 'right' }}>
                          {field.name + 1}
                        </Typography.Text>
                        <Button
                          type="text"
                          size="small"
                          icon={<ArrowUpOutlined aria-hidden />}
                          disabled={field.name === 0}
                          onClick={() => moveRow(field.name, field.name - 1, 'up')}
                          aria-label={t('portalNav.moveUp', { label: rowAt(field.name)?.labelZh ?? '' })}
                          title={t('portalNav.moveUpShort')}
                          data-move="up"
                        />
                        <Button
                          type="text"
                          size="small"
                          icon={<ArrowDownOutlined aria-hidden />}
                          disabled={field.name === count - 1}
                          onClick={() => moveRow(field.name, field.name + 1, 'down')}
                          aria-label={t('portalNav.moveDown', { label: rowAt(field.name)?.labelZh ?? '' })}
                          title={t('portalNav.moveDownShort')}
                          data-move="down"
                        />
                      </Flex>
                    ),
                  },
                  {
                    title: t('portalNav.col.labelZh'),
                    key: 'labelZh',
                    width: 150,
                    render: (_: unknown, field) => (
                      <Form.Item
                        name={[field.name, 'labelZh']}
                        style={{ marginBottom: 0 }}
                        rules={[
                          { required: true, whitespace: true, message: t('portalNav.labelRequired') },
                          { max: NAV_LIMITS.labelZh, message: t('portalNav.tooLong', { max: NAV_LIMITS.labelZh }) },
                        ]}
                      >
                        <Input
                          aria-label={t('portalNav.aria.labelZh', { n: field.name + 1 })}
                          autoComplete="off"
                          data-field="labelZh"
                        />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('portalNav.col.labelEn'),
                    key: 'labelEn',
                    width: 170,
                    render: (_: unknown, field) => (
                      <Form.Item
                        name={[field.name, 'labelEn']}
                        style={{ marginBottom: 0 }}
                        rules={[
                          { required: true, whitespace: true, message: t('portalNav.labelRequired') },
                          { max: NAV_LIMITS.labelEn, message: t('portalNav.tooLong', { max: NAV_LIMITS.labelEn }) },
                        ]}
                      >
                        <Input
                          aria-label={t('portalNav.aria.labelEn', { n: field.name + 1 })}
                          autoComplete="off"
                          lang="en"
                        />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('portalNav.col.href'),
                    key: 'href',
                    minWidth: 180,
                    render: (_: unknown, field) => (
                      <Form.Item
                        name={[field.name, 'href']}
                        style={{ marginBottom: 0 }}
                        rules={[
                          { required: true, message: t('portalNav.hrefInvalid') },
                          { max: NAV_LIMITS.href, message: t('portalNav.tooLong', { max: NAV_LIMITS.href }) },
                          {
                            validator: async (_rule, value: string | undefined) => {
                              if (value && !isSitePath(value.trim())) throw new Error(t('portalNav.hrefInvalid'));
                            },
                          },
                        ]}
                      >
                        <Input
                          aria-label={t('portalNav.aria.href', { n: field.name + 1 })}
                          autoComplete="off"
                          className="lc-mono"
                          spellCheck={false}
                        />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('portalNav.col.visible'),
                    key: 'visible',
                    width: 64,
                    align: 'center',
                    render: (_: unknown, field) => (
                      <Form.Item name={[field.name, 'visible']} valuePropName="checked" style={{ marginBottom: 0 }}>
                        <Switch aria-label={t('portalNav.aria.visible', { n: field.name + 1 })} size="small" />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('portalNav.col.source'),
                    key: 'source',
                    width: 184,
                    render: (_: unknown, field) => {
                      const row = rowAt(field.name);
                      if (!row) return null;
                      if (row.module === null) return <Tag>{t('portalNav.source.link')}</Tag>;
                      return (
                        <Flex gap={4} wrap style={{ rowGap: 4 }}>
                          <Tooltip title={t('portalNav.source.moduleTip', { module: row.module })}>
                            <Tag color="blue">{t('portalNav.source.module')}</Tag>
                          </Tooltip>
                          {row.moduleInstalled ? null : (
                            <Tooltip title={t('portalNav.notInstalledTip')}>
                              <Tag color="warning" data-testid="module-not-installed">
                                {t('portalNav.notInstalled')}
                              </Tag>
                            </Tooltip>
                          )}
                        </Flex>
                      );
                    },
                  },
                  {
                    title: t('portalNav.col.actions'),
                    key: 'actions',
                    width: 60,
                    align: 'center',
                    render: (_: unknown, field) => {
                      const row = rowAt(field.name);
                      const label = row?.labelZh || row?.href || '';
                      if (row?.module !== null) {
                        return (
                          <Tooltip title={t('portalNav.cannotDelete')}>
                            <Button
                              type="text"
                              size="small"
                              icon={<DeleteOutlined aria-hidden />}
                              disabled
                              aria-label={t('portalNav.cannotDelete')}
                            />
                          </Tooltip>
                        );
                      }
                      return (
                        <Button
                          type="text"
                          size="small"
                          danger
                          icon={<DeleteOutlined aria-hidden />}
                          disabled={count <= 1}
                          onClick={() => remove(field.name)}
                          aria-label={t('portalNav.delete', { label })}
                          title={t('portalNav.deleteShort')}
                          data-testid="nav-delete"
                        />
                      );
                    },
                  },
                ];

                return (
                  <div ref={tableRef}>
                    <Table<FormListFieldData>
                      rowKey="key"
                      columns={columns}
                      dataSource={fields}
                      pagination={false}
                      size="middle"
                      scroll={{ x: 940 }}
                      data-testid="portal-nav-table"
                      onRow={(field) =>
                        ({
                          'data-testid': `nav-row-${rowAt(field.name)?.id ?? ''}`,
                          'data-row-id': rowAt(field.name)?.id ?? '',
                          className:
                            dragOver?.index === field.name && dragFrom.current !== field.name
                              ? dragOver.after
                                ? 'lc-drop-after'
                                : 'lc-drop-before'
                              : undefined,
                          onDragOver: (event: DragEvent) => {
                            const from = dragFrom.current;
                            if (from === null) return;
                            event.preventDefault();
                            event.dataTransfer.dropEffect = 'move';
                            // The dragged row takes this row's place: below it when coming from above.
                            const after = from < field.name;
                            if (dragOver?.index !== field.name || dragOver.after !== after) {
                              setDragOver({ index: field.name, after });
                            }
                          },
                          onDrop: (event: DragEvent) => onDrop(event, field.name),
                        }) as HTMLAttributes<HTMLElement>
                      }
                    />
                    <Button
                      type="dashed"
                      block
                      icon={<PlusOutlined aria-hidden />}
                      style={{ marginTop: 12 }}
                      disabled={count >= NAV_LIMITS.maxItems}
                      onClick={() => {
                        const row = newLink(rows ?? []);
                        add(row);
                        setFocusTarget({ id: row.id, control: 'labelZh' });
                      }}
                      data-testid="nav-add"
                    >
                      {count >= NAV_LIMITS.maxItems
                        ? t('portalNav.full', { max: NAV_LIMITS.maxItems })
                        : t('portalNav.add')}
                    </Button>
                  </div>
                );
              }}
            </Form.List>
            <Flex
              justify="flex-end"
              align="center"
              gap={8}
              wrap
              style={{
                position: 'sticky',
                bottom: 0,
                zIndex: 3,
                marginTop: 16,
                marginInline: -24,
                marginBottom: -24,
                padding: '12px 24px',
                background: token.colorBgContainer,
                borderTop: `1px solid ${token.colorBorderSecondary}`,
                borderEndStartRadius: token.borderRadiusLG,
                borderEndEndRadius: token.borderRadiusLG,
              }}
            >
              {dirty ? (
                <Typography.Text type="warning" style={{ marginInlineEnd: 'auto' }} data-testid="nav-dirty">
                  {t('portalNav.unsaved')}
                </Typography.Text>
              ) : null}
              <Popconfirm
                title={t('portalNav.discardTitle')}
                okText={t('portalNav.discard')}
                cancelText={t('portalNav.keepEditing')}
                onConfirm={cancel}
                disabled={!dirty}
              >
                <Button disabled={!dirty || saving} data-testid="nav-cancel">
                  {t('common.cancel')}
                </Button>
              </Popconfirm>
              <Button type="primary" htmlType="submit" loading={saving} disabled={!dirty} data-testid="nav-save">
                {t('common.save')}
              </Button>
            </Flex>
          </Form>
        )}
      </Card>
    </PageContainer>
  );
}
