import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useProblemText } from '../../core/api/useProblemText';
import { useQuery } from '../../core/api/useQuery';
import { PERMISSIONS } from '../../core/auth/permissions';
import { useAuth } from '../../core/auth/useAuth';
import { useUrlList } from '../../core/hooks/useUrlList';
import { useT } from '../../core/i18n/useT';
import { FilterBar } from '../../core/ui/FilterBar';
import { ListPage } from '../../core/ui/ListPage';
import { townOptions } from '../users/regionTree';
import { useRegions } from '../users/useReferenceData';
import { institutionsApi } from './api';
import { ImportLink } from './ImportLink';
import { peopleApi } from './peopleApi';
import { EMPLOYMENTS, PERSON_STATUSES, type Person } from './peopleTypes';
import { PersonFormModal } from './PersonFormModal';
import { PersonIdNumber } from './PersonIdNumber';
import { isStaleVersion } from '../../core/api/staleVersion';

const FILTER_KEYS = ['q', 'townId', 'employment', 'status'] as const;

/** 人员管理: staff and teachers in the caller's scope; phone and ID number only ever masked here. */
export default function PeoplePage() {
  const t = useT();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const { can } = useAuth();
  const list = useUrlList(FILTER_KEYS, (query, signal) => peopleApi.list(query, signal));
  const regions = useRegions();
  const canManage = can(PERMISSIONS.networkStaffManage);
  const canReveal = can(PERMISSIONS.networkStaffRevealId);
  // The institutions a person can be recorded at (the first 100 active ones in scope).
  const institutions = useQuery(canManage ? 'network-institutions-active' : null, (signal) =>
    institutionsApi.list({ page: 1, pageSize: 100, status: 'active' }, signal));
  const [form, setForm] = useState<{ open: boolean; editing: Person | null }>({ open: false, editing: null });

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
    <ListPage
      title={t('network.people.pageTitle')}
      description={t('network.people.description')}
      exportTo={{ path: '/network/people/export.xlsx', testId: 'people-export' }}
      actions={canManage ? <>
        <ImportLink kind="people" />
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setForm({ open: true, editing: null })} data-testid="person-create">
          {t('network.people.create')}
        </Button>
      </> : null}
      filters={
        <FilterBar name="peopleFilters" label={t('network.people.pageTitle')} value={list.filters} onChange={list.setFilters} fields={[
          { kind: 'search', name: 'q', label: t('network.people.name'), width: 180, testId: 'people-filter-q' },
          { kind: 'select', name: 'townId', label: t('network.field.town'), width: 130, options: townOptions(regions.data ?? []) },
          { kind: 'select', name: 'employment', label: t('network.people.employment'), width: 120,
            options: EMPLOYMENTS.map((e) => ({ value: e, label: t(`network.employment.${e}`) })) },
          { kind: 'select', name: 'status', label: t('network.field.status'), width: 100,
            options: PERSON_STATUSES.map((s) => ({ value: s, label: t(`network.personStatus.${s}`) })) },
        ]} />
      }
      list={list}
      table={{ rowKey: 'id', columns, scroll: { x: 1200 }, testId: 'people-table' }}
    >
      <PersonFormModal open={form.open} editing={form.editing} institutions={institutions.data?.items ?? []}
        onClose={() => setForm({ open: false, editing: null })}
        onSaved={() => { setForm({ open: false, editing: null }); list.reload(); }} />
    </ListPage>
  );
}
