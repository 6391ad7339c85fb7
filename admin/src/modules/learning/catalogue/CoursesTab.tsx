import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useProblemText } from '../../../core/api/useProblemText';
import { useQuery } from '../../../core/api/useQuery';
import { useAuth } from '../../../core/auth/useAuth';
import { idKey } from '../../users/regionTree';
import { useRegions } from '../../users/useReferenceData';
import { catalogueApi, CATEGORIES, type Course } from './catalogueApi';
import { useCatalogueT } from './catalogueText';
import { CourseFormModal } from './CourseFormModal';
import { LEARNING_PERMISSIONS } from './learningPermissions';

interface Filters { q?: string; townId?: string; category?: string; status?: string }

/** 课程: the courses in the reader's scope, with create, edit, publish and archive for managers. */
export function CoursesTab() {
  const t = useCatalogueT();
  const problemText = useProblemText();
  const { message } = App.useApp();
  const { can } = useAuth();
  const canManage = can(LEARNING_PERMISSIONS.courseManage);
  const regions = useRegions();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query = useMemo(() => ({ ...filters, ...page }), [filters, page]);
  const list = useQuery(`learning-courses-${JSON.stringify(query)}`, (signal) => catalogueApi.courses(query, signal));
  const [form, setForm] = useState<{ open: boolean; editing: Course | null }>({ open: false, editing: null });

  const setStatus = async (c: Course, action: 'publish' | 'archive') => {
    try {
      await catalogueApi.setCourseStatus(c.id, c.version, action);
      message.success(t('saved'));
      list.reload();
    } catch (failure) {
      message.error(problemText(failure));
    }
  };

  return (
    <Card extra={canManage ? <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setForm({ open: true, editing: null })} data-testid="course-create">{t('createCourse')}</Button> : null}>
      <Form layout="inline" style={{ rowGap: 12 }} onValuesChange={(_, all: Filters) => { setFilters(all); setPage((p) => ({ ...p, page: 1 })); }}>
        <Form.Item name="q" label={t('search')}><Input allowClear style={{ width: 160 }} /></Form.Item>
        <Form.Item name="townId" label={t('town')}>
          <Select allowClear style={{ width: 130 }} options={(regions.data ?? []).filter((r) => r.level === 'town').map((r) => ({ value: idKey(r.id), label: r.name }))} />
        </Form.Item>
        <Form.Item name="category" label={t('category')}>
          <Select allowClear style={{ width: 130 }} options={CATEGORIES.map((c) => ({ value: c, label: t(`cat.${c}`) }))} />
        </Form.Item>
        <Form.Item name="status" label={t('status')}>
          <Select allowClear style={{ width: 110 }} options={(['draft', 'published', 'archived'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        </Form.Item>
      </Form>
      {list.error ? <Alert type="error" showIcon title={problemText(list.error)} style={{ marginTop: 16 }} /> : null}
      <Table<Course> style={{ marginTop: 16 }} rowKey="id" dataSource={list.data?.items ?? []} loading={list.loading} size="middle" scroll={{ x: 900 }}
        data-testid="courses-table"
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        columns={[
          { title: t('courseTitle'), dataIndex: 'title', key: 'title' },
          { title: t('category'), key: 'category', render: (_, c) => t(`cat.${c.category}`) },
          { title: t('institution'), dataIndex: 'institutionName', key: 'institution' },
          { title: `${t('hours')} / ${t('credits')}`, key: 'hours', render: (_, c) => `${c.hours} / ${c.credits}` },
          { title: t('teacher'), key: 'teacher', render: (_, c) => c.teacherName ?? t('none') },
          { title: t('status'), key: 'status', render: (_, c) => <Tag color={c.status === 'published' ? 'green' : c.status === 'draft' ? 'blue' : 'default'}>{t(`status.${c.status}`)}</Tag> },
          ...(canManage ? [{
            title: t('actions'), key: 'actions', render: (_: unknown, c: Course) => (
              <Space size="small">
                {c.status !== 'archived' ? <Button type="link" size="small" onClick={() => setForm({ open: true, editing: c })}>{t('edit')}</Button> : null}
                {c.status === 'draft' ? <Button type="link" size="small" onClick={() => void setStatus(c, 'publish')}>{t('publish')}</Button> : null}
                {c.status !== 'archived' ? <Button type="link" size="small" danger onClick={() => void setStatus(c, 'archive')}>{t('archive')}</Button> : null}
              </Space>
            ),
          }] : []),
        ]} />
      <CourseFormModal open={form.open} editing={form.editing} onClose={() => setForm({ open: false, editing: null })}
        onSaved={() => { setForm({ open: false, editing: null }); list.reload(); }} />
    </Card>
  );
}
