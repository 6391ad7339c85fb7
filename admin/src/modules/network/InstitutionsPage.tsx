import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useProblemText } from '../../core/api/useProblemText';
import { useQuery } from '../../core/api/useQuery';
import { PERMISSIONS } from '../../core/auth/permissions';
import { useAuth } from '../../core/auth/useAuth';
import { formatDateTime } from '../../core/format/datetime';
import { useUrlList } from '../../core/hooks/useUrlList';
import { useLang, useT } from '../../core/i18n/useT';
import { ListPage } from '../../core/ui/ListPage';
import { useRegions } from '../users/useReferenceData';
import { institutionsApi } from './api';
import { ImportLink } from './ImportLink';
import { INSTITUTION_FILTER_KEYS, InstitutionFilters } from './InstitutionFilters';
import { InstitutionDrawer } from './InstitutionDrawer';
import { InstitutionFormModal } from './InstitutionFormModal';
import { isStaleVersion } from '../../core/api/staleVersion';
import type { NetworkInstitution } from './types';

/** 机构管理: the network institutions in the caller's scope, filtered and paged in the URL. */
export default function InstitutionsPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const { can } = useAuth();
  const list = useUrlList(INSTITUTION_FILTER_KEYS, (query, signal) => institutionsApi.list(query, signal));
  const regions = useRegions();
  const centers = useQuery('network-centers', (signal) =>
    institutionsApi.list({ page: 1, pageSize: 100, tier: 'center', status: 'active' }, signal));
  const [form, setForm] = useState<{ open: boolean; editing: NetworkInstitution | null }>({ open: false, editing: null });
  const [shown, setShown] = useState<NetworkInstitution | null>(null);

  const canCreate = can(PERMISSIONS.networkInstitutionCreate);
  const canUpdate = can(PERMISSIONS.networkInstitutionUpdate);
  const canRetire = can(PERMISSIONS.networkInstitutionRetire);

  const retire = async (row: NetworkInstitution) => {
    try {
      await institutionsApi.retire(row.id, row.version);
      message.success(t('network.institutions.retired', { name: row.name }));
    } catch (failure) {
      message.error(isStaleVersion(failure) ? t('network.institutions.stale') : problemText(failure));
    }
    list.reload();
  };

  const columns: ColumnsType<NetworkInstitution> = [
    {
      title: t('network.field.name'), key: 'name',
      render: (_, r) => (
        <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          data-testid={`inst-show-${r.id}`} onClick={() => setShown(r)}>
          {r.name}
        </Button>
      ),
    },
    { title: t('network.field.tier'), key: 'tier', render: (_, r) => t(`network.tier.${r.tier}`) },
    { title: t('network.field.kind'), key: 'kind', render: (_, r) => t(`network.kind.${r.kind}`) },
    { title: t('network.field.region'), key: 'region', render: (_, r) => (r.region.id === r.town.id ? r.town.name : `${r.town.name} / ${r.region.name}`) },
    { title: t('network.field.parentCenter'), key: 'parent', render: (_, r) => r.parentCenter?.name ?? '—' },
    { title: t('network.field.accreditation'), key: 'acc', render: (_, r) => (r.accreditation ? (lang === 'en' ? r.accreditation.nameEn : r.accreditation.nameZh) : '—') },
    {
      title: t('network.field.status'), key: 'status',
      render: (_, r) => <Tag color={r.status === 'active' ? 'green' : 'default'}>{r.status === 'retired' ? t('network.status.retired') : t('network.status.active')}</Tag>,
    },
    { title: t('network.field.updatedAt'), key: 'updated', render: (_, r) => formatDateTime(r.updatedAt ?? r.createdAt) },
    {
      title: t('network.field.actions'), key: 'actions', fixed: 'right',
      render: (_, r) => (
        <Space size="small">
          {canUpdate && r.status === 'active' ? (
            <Button type="link" size="small" data-testid={`inst-edit-${r.id}`} onClick={() => setForm({ open: true, editing: r })}>
              {t('network.institutions.edit')}
            </Button>
          ) : null}
          {canRetire && r.status === 'active' ? (
            <Popconfirm title={t('network.institutions.retireConfirm', { name: r.name })} onConfirm={() => retire(r)}
              okText={t('network.institutions.retire')} cancelText={t('common.cancel')}>
              <Button type="link" size="small" danger>{t('network.institutions.retire')}</Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <ListPage
      title={t('network.institutions.title')}
      description={t('network.institutions.description')}
      exportTo={{ path: '/network/institutions/export.xlsx', testId: 'institutions-export' }}
      actions={canCreate ? <>
        <ImportLink kind="institutions" />
        <Button type="primary" icon={<PlusOutlined aria-hidden />} data-testid="inst-create" onClick={() => setForm({ open: true, editing: null })}>
          {t('network.institutions.create')}
        </Button>
      </> : null}
      filters={<InstitutionFilters value={list.filters} onChange={list.setFilters} regions={regions.data ?? []} />}
      list={list}
      table={{ rowKey: 'id', columns, scroll: { x: 1100 }, testId: 'institutions-table' }}
    >
      <InstitutionDrawer institution={shown} onClose={() => setShown(null)} onChanged={list.reload} />
      <InstitutionFormModal
        open={form.open}
        editing={form.editing}
        regions={regions.data ?? []}
        centers={centers.data?.items ?? []}
        onClose={() => setForm({ open: false, editing: null })}
        onSaved={() => {
          setForm({ open: false, editing: null });
          list.reload();
        }}
      />
    </ListPage>
  );
}
