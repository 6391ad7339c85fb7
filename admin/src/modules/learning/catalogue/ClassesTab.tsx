import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Select, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useProblemText } from '../../../core/api/useProblemText';
import { useQuery } from '../../../core/api/useQuery';
import { useAuth } from '../../../core/auth/useAuth';
import { idKey } from '../../users/regionTree';
import { useRegions } from '../../users/useReferenceData';
import { catalogueApi, feeText, type LearningClass } from './catalogueApi';
import { useCatalogueT } from './catalogueText';
import { ClassDrawer } from './ClassDrawer';
import { ClassFormModal } from './ClassFormModal';
import { LEARNING_PERMISSIONS } from './learningPermissions';

interface Filters { q?: string; termId?: string; townId?: string; status?: string }
const STATUS_COLORS: Record<string, string> = { draft: 'blue', open: 'green', cancelled: 'red', finished: 'default' };

/** 班级: the classes in the reader's scope (a teacher: their own), filtered by term, town and status. */
export function ClassesTab() {
  const t = useCatalogueT();
  const problemText = useProblemText();
  const { can } = useAuth();
  const canManage = can(LEARNING_PERMISSIONS.classManage);
  const regions = useRegions();
  const terms = useQuery('learning-terms', (signal) => catalogueApi.terms(signal));
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query = useMemo(() => ({ ...filters, ...page }), [filters, page]);
  const list = useQuery(`learning-classes-${JSON.stringify(query)}`, (signal) => catalogueApi.classes(query, signal));
  const [form, setForm] = useState<{ open: boolean; editing: LearningClass | null }>({ open: false, editing: null });
  const [shown, setShown] = useState<string | null>(null);

  return (
    <Card extra={canManage ? <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setForm({ open: true, editing: null })} data-testid="class-create">{t('createClass')}</Button> : null}>
      <Form layout="inline" style={{ rowGap: 12 }} onValuesChange={(_, all: Filters) => { setFilters(all); setPage((p) => ({ ...p, page: 1 })); }}>
        <Form.Item name="q" label={t('search')}><Input allowClear style={{ width: 160 }} /></Form.Item>
        <Form.Item name="termId" label={t('term')}>
          <Select allowClear style={{ width: 170 }} options={(terms.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))} />
        </Form.Item>
        <Form.Item name="townId" label={t('town')}>
          <Select allowClear style={{ width: 130 }} options={(regions.data ?? []).filter((r) => r.level === 'town').map((r) => ({ value: idKey(r.id), label: r.name }))} />
        </Form.Item>
        <Form.Item name="status" label={t('status')}>
          <Select allowClear style={{ width: 110 }} options={(['draft', 'open', 'cancelled', 'finished'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        </Form.Item>
      </Form>
      {list.error ? <Alert type="error" showIcon title={problemText(list.error)} style={{ marginTop: 16 }} /> : null}
      <Table<LearningClass> style={{ marginTop: 16 }} rowKey="id" dataSource={list.data?.items ?? []} loading={list.loading} size="middle" scroll={{ x: 1100 }}
        data-testid="classes-table"
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        columns={[
          { title: t('classTitle'), key: 'title', render: (_, c) => <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setShown(c.id)}>{c.title}</Button> },
          { title: t('institution'), key: 'inst', render: (_, c) => `${c.institutionName} · ${c.townName}` },
          { title: t('term'), dataIndex: 'termName', key: 'term' },
          { title: t('schedule'), key: 'schedule', render: (_, c) => `${c.scheduleLabel}（${c.startsOn} – ${c.endsOn}）` },
          { title: t('seats'), key: 'seats', render: (_, c) => `${c.seatsTaken} / ${c.seats}` },
          { title: t('fee'), key: 'fee', render: (_, c) => feeText(c.feeFen, t('free')) },
          { title: t('teacher'), key: 'teacher', render: (_, c) => c.teacherName ?? t('none') },
          { title: t('status'), key: 'status', render: (_, c) => <Tag color={STATUS_COLORS[c.status]}>{t(`status.${c.status}`)}</Tag> },
        ]} />
      <ClassDrawer classId={shown} canManage={canManage} onClose={() => setShown(null)} onChanged={list.reload}
        onEdit={(c) => setForm({ open: true, editing: c })} />
      <ClassFormModal open={form.open} editing={form.editing} onClose={() => setForm({ open: false, editing: null })}
        onSaved={() => { setForm({ open: false, editing: null }); setShown(null); list.reload(); }} />
    </Card>
  );
}
