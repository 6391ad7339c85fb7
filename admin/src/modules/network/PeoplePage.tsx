import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { useProblemText } from '../../core/api/useProblemText';
import { useQuery } from '../../core/api/useQuery';
import { PERMISSIONS } from '../../core/auth/permissions';
import { useAuth } from '../../core/auth/useAuth';
import { PAGE_SIZE_OPTIONS, useUrlListState, type FilterValues } from '../../core/hooks/useUrlState';
import { useT } from '../../core/i18n/useT';
import { PageContainer } from '../../core/ui/PageContainer';
import { idKey } from '../users/regionTree';
import { useRegions } from '../users/useReferenceData';
import { institutionsApi } from './api';
import { ExportButton } from '../../core/ui/ExportButton';
import { ImportLink } from './ImportLink';
import { peopleApi } from './peopleApi';
import { EMPLOYMENTS, PERSON_STATUSES, type PeopleListQuery, type Person } from './peopleTypes';
import { PersonFormModal } from './PersonFormModal';
import { PersonIdNumber } from './PersonIdNumber';
import { isStaleVersion } from './staleVersion';

const FILTER_KEYS = ['q', 'townId', 'employment', 'status'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

/** 人员管理: staff and teachers in the caller's scope; phone and ID number only ever masked here. */
export default function PeoplePage() {
  const t = useT();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const { can } = useAuth();
  const { filters, page, pageSize, setFilters, setPage } = useUrlListState(FILTER_KEYS);
  const regions = useRegions();
  const query = useMemo<PeopleListQuery>(() => ({ page, pageSize, ...filters }), [page, pageSize, filters]);
  const list = useQuery(JSON.stringify(query), (signal) => peopleApi.list(query, signal));
  const canManage = can(PERMISSIONS.networkStaffManage);
  const canReveal = can(PERMISSIONS.networkStaffRevealId);
  // The institutions a person can be recorded at (the first 100 active ones in scope).
  const institutions = useQuery(canManage ? 'network-institutions-active' : null, (signal) =>
    institutionsApi.list({ page: 1, pageSize: 100, status: 'active' }, signal));
  const [form, setForm] = useState<{ open: boolean; editing: Person | null }>({ open: false, editing: null });
  const [filterForm] = Form.useForm<FilterValues<FilterKey>>();

  useEffect(() => {
    filterForm.setFieldsValue({ q: undefined, townId: undefined, employment: undefined, status: undefined, ...filters });
  }, [filterForm, filters]);
  const submitFilters = () => setFilters(filterForm.getFieldsValue());

  const leave = async (p: Person) => {
    try {
      await peopleApi.leave(p.id, p.version);
      message.success(t('common.saved'));
    } catch (failure) {
      message.error(isStaleVersion(failure) ? t('network.institutions.stale') : problemText(failure));
    }
    list.reload();
  };

  const columns: ColumnsType<Person> = [
    { title: t('network.people.name'), dataIndex: 'name', key: 'name' },
    { title: t('network.people.institution'), dataIndex: 'institutionName', key: 'institution' },
    { title: t('network.people.employment'), key: 'employment', render: (_, p) => t(`network.employment.${p.employment}`) },
    { title: t('network.people.subjects'), dataIndex: 'subjects', key: 'subjects', render: (s: string) => s || '—' },
    { title: t('network.field.contactPhone'), key: 'phone', render: (_, p) => p.phone ?? '—' },
    { title: t('network.people.idNumber'), key: 'id', width: 300, render: (_, p) => <PersonIdNumber person={p} canReveal={canReveal} /> },
    { title: t('network.field.status'), key: 'status', render: (_, p) => <Tag color={p.status === 'active' ? 'green' : 'default'}>{t(`network.personStatus.${p.status}`)}</Tag> },
    {
      title: t('network.field.actions'), key: 'actions', fixed: 'right',
      render: (_, p) => (canManage && p.status === 'active' ? (
        <Space size="small">
          <Button type="link" size="small" onClick={() => setForm({ open: true, editing: p })} data-testid={`person-edit-${p.id}`}>{t('network.people.edit')}</Button>
          <Popconfirm title={t('network.people.leaveConfirm', { name: p.name })} onConfirm={() => leave(p)} okText={t('network.people.leave')} cancelText={t('common.cancel')}>
            <Button type="link" size="small" danger>{t('network.people.leave')}</Button>
          </Popconfirm>
        </Space>
      ) : null),
    },
  ];

  return (
    <PageContainer title={t('network.people.pageTitle')} description={t('network.people.description')}
      extra={<>
        <ExportButton path="/network/people/export.xlsx" filters={filters} testId="people-export" />
        {canManage ? <ImportLink kind="people" /> : null}
        {canManage ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setForm({ open: true, editing: null })} data-testid="person-create">
            {t('network.people.create')}
          </Button>
        ) : null}
      </>}>
      <Card>
        <Form form={filterForm} layout="inline" onFinish={submitFilters} style={{ rowGap: 12 }} aria-label={t('network.people.pageTitle')}>
          <Form.Item name="q" label={t('network.people.name')}>
            <Input.Search allowClear onSearch={submitFilters} style={{ width: 180 }} data-testid="people-filter-q" />
          </Form.Item>
          <Form.Item name="townId" label={t('network.field.town')}>
            <Select allowClear style={{ width: 130 }} placeholder={t('common.all')} onChange={submitFilters}
              options={(regions.data ?? []).filter((r) => r.level === 'town').map((r) => ({ value: idKey(r.id), label: r.name }))} />
          </Form.Item>
          <Form.Item name="employment" label={t('network.people.employment')}>
            <Select allowClear style={{ width: 120 }} placeholder={t('common.all')} onChange={submitFilters}
              options={EMPLOYMENTS.map((e) => ({ value: e, label: t(`network.employment.${e}`) }))} />
          </Form.Item>
          <Form.Item name="status" label={t('network.field.status')}>
            <Select allowClear style={{ width: 100 }} placeholder={t('common.all')} onChange={submitFilters}
              options={PERSON_STATUSES.map((s) => ({ value: s, label: t(`network.personStatus.${s}`) }))} />
          </Form.Item>
          <Form.Item>
            <Button icon={<ReloadOutlined aria-hidden />} onClick={() => { filterForm.resetFields(); setFilters({}); }}>{t('common.reset')}</Button>
          </Form.Item>
        </Form>
        {list.error ? <Alert type="error" showIcon title={problemText(list.error)} style={{ marginTop: 16 }} /> : null}
        <Table<Person>
          style={{ marginTop: 16 }}
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          scroll={{ x: 1200 }}
          size="middle"
          data-testid="people-table"
          pagination={{
            current: list.data?.page ?? page, pageSize: list.data?.pageSize ?? pageSize, total: list.data?.total ?? 0,
            showSizeChanger: true, pageSizeOptions: PAGE_SIZE_OPTIONS, showTotal: (total) => t('common.total', { total }), onChange: setPage,
          }}
        />
      </Card>
      <PersonFormModal open={form.open} editing={form.editing} institutions={institutions.data?.items ?? []}
        onClose={() => setForm({ open: false, editing: null })}
        onSaved={() => { setForm({ open: false, editing: null }); list.reload(); }} />
    </PageContainer>
  );
}
