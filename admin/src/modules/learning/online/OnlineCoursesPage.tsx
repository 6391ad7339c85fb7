import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { ModalForm } from '../../../core/ui/ModalForm';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useProblemText } from '../../../core/api/useProblemText';
import { useQuery } from '../../../core/api/useQuery';
import { PAGE_SIZE_OPTIONS, useUrlListState, type FilterValues } from '../../../core/hooks/useUrlState';
import { PageContainer } from '../../../core/ui/PageContainer';
import { idKey } from '../../users/regionTree';
import { useFormSubmit } from '../../../core/api/useFormSubmit';
import { useInstitutions } from '../../users/useReferenceData';
import { CATEGORIES } from '../catalogue/catalogueApi';
import { useCatalogueT } from '../catalogue/catalogueText';
import { onlineApi, type CourseFields, type OnlineCourse, type OnlineListQuery, type OnlineStatus } from './onlineApi';
import { useOnlineT } from './onlineText';

const FILTER_KEYS = ['q', 'status'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
const FIELDS = ['institutionId', 'title', 'category', 'description', 'hours', 'credits', 'coverText'] as const;

/** A new online course at an institution in the caller's scope; opens the lesson editor once created. */
function CreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useOnlineT();
  const ct = useCatalogueT();
  const navigate = useNavigate();
  const [form] = Form.useForm<CourseFields & { institutionId: string }>();
  const { run, submitting, error, clearError } = useFormSubmit(form, FIELDS);
  const institutions = useInstitutions(open);

  useEffect(() => {
    if (!open) return;
    clearError();
    form.resetFields();
    form.setFieldsValue({ category: 'digital', hours: 2, credits: 0.5 });
  }, [open, form, clearError]);

  const save = async () => {
    const v = await form.validateFields();
    const created = await run(() => onlineApi.create({ institutionId: v.institutionId, title: v.title, category: v.category,
      description: v.description ?? '', hours: v.hours, credits: v.credits ?? 0, coverText: v.coverText ?? '' }));
    if (created) navigate(`/learning/online/${created.id}`);
  };

  return (
    <ModalForm open={open} title={t('create')} form={form} name="onlineCourseForm"
      onOk={() => void save().catch(() => undefined)} onCancel={onClose} submitting={submitting} error={error} width={640} testId="online-course-form">
      <Form.Item name="institutionId" label={t('institution')} rules={[{ required: true }]}>
        <Select showSearch optionFilterProp="label" options={(institutions.data ?? []).map((i) => ({ value: idKey(i.id), label: i.name }))} />
      </Form.Item>
      <Form.Item name="title" label={t('courseTitle')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
      <Form.Item name="category" label={t('category')} rules={[{ required: true }]}>
        <Select options={CATEGORIES.map((c) => ({ value: c, label: ct(`cat.${c}`) }))} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="hours" label={t('hours')} rules={[{ required: true }]}><InputNumber min={0} max={10000} step={0.5} precision={1} /></Form.Item>
        <Form.Item name="credits" label={t('credits')}><InputNumber min={0} max={1000} step={0.5} precision={1} /></Form.Item>
      </Space>
      <Form.Item name="coverText" label={t('coverText')} rules={[{ max: 200 }]}><Input /></Form.Item>
      <Form.Item name="description" label={t('courseDescription')} rules={[{ max: 4000 }]}><Input.TextArea rows={4} /></Form.Item>
    </ModalForm>
  );
}

/** 网络课程: the online courses of the caller's scope, with publish and unpublish. */
export default function OnlineCoursesPage() {
  const t = useOnlineT();
  const ct = useCatalogueT();
  const problemText = useProblemText();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const { filters, page, pageSize, setFilters, setPage } = useUrlListState(FILTER_KEYS);
  const query = useMemo<OnlineListQuery>(() => ({ page, pageSize, q: filters.q, status: filters.status as OnlineStatus | undefined }), [page, pageSize, filters]);
  const list = useQuery(JSON.stringify(query), (signal) => onlineApi.list(query, signal));
  const [filterForm] = Form.useForm<FilterValues<FilterKey>>();

  useEffect(() => {
    filterForm.setFieldsValue({ q: undefined, status: undefined, ...filters });
  }, [filterForm, filters]);

  const toggle = async (c: OnlineCourse) => {
    try {
      if (c.status === 'draft') await onlineApi.publish(c.id, c.version);
      else await onlineApi.unpublish(c.id, c.version);
      message.success(t('saved'));
    } catch (error) {
      message.error(problemText(error));
    }
    list.reload();
  };

  const columns: ColumnsType<OnlineCourse> = [
    { title: t('courseTitle'), key: 'title', render: (_, c) => <Link to={`/learning/online/${c.id}`}>{c.title}</Link> },
    { title: t('institution'), dataIndex: 'institutionName', key: 'institution' },
    { title: t('category'), key: 'category', render: (_, c) => ct(`cat.${c.category}`) },
    { title: t('lessons'), dataIndex: 'lessonCount', key: 'lessons', align: 'right' },
    { title: `${t('hours')} / ${t('credits')}`, key: 'hours', render: (_, c) => `${c.hours} / ${c.credits}` },
    { title: t('status'), key: 'status', render: (_, c) => <Tag color={c.status === 'published' ? 'green' : 'default'}>{t(`status.${c.status}`)}</Tag> },
    {
      title: t('actions'), key: 'actions', fixed: 'right',
      render: (_, c) => (
        <Space size="small" wrap>
          <Link to={`/learning/online/${c.id}`}>{t('open')}</Link>
          <Popconfirm title={c.status === 'draft' ? t('confirmPublish') : t('unpublish')} onConfirm={() => toggle(c)}>
            <Button type="link" size="small" data-testid={`online-toggle-${c.id}`}>{c.status === 'draft' ? t('publish') : t('unpublish')}</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <PageContainer title={t('title')} description={t('description')}
      extra={<Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} data-testid="online-create">{t('create')}</Button>}>
      <Form form={filterForm} layout="inline" onFinish={() => setFilters(filterForm.getFieldsValue())} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="q" label={t('search')}><Input allowClear style={{ width: 200 }} /></Form.Item>
        <Form.Item name="status" label={t('status')}>
          <Select allowClear style={{ width: 140 }} onChange={() => setFilters(filterForm.getFieldsValue())}
            options={(['draft', 'published'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        </Form.Item>
        <Form.Item><Button htmlType="submit">{t('search')}</Button></Form.Item>
      </Form>
      {list.error ? <Alert type="error" showIcon message={problemText(list.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<OnlineCourse> rowKey="id" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} scroll={{ x: 900 }}
        pagination={{ current: page, pageSize, total: list.data?.total ?? 0, pageSizeOptions: PAGE_SIZE_OPTIONS, showSizeChanger: true,
          onChange: (p, size) => setPage(p, size) }} />
      <CreateModal open={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
