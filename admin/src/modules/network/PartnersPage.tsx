import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { PERMISSIONS } from '../../core/auth/permissions';
import { useAuth } from '../../core/auth/useAuth';
import { useUrlList } from '../../core/hooks/useUrlList';
import { useT } from '../../core/i18n/useT';
import { FilterBar } from '../../core/ui/FilterBar';
import { ListPage } from '../../core/ui/ListPage';
import { idKey, townOptions } from '../users/regionTree';
import { useRegions } from '../users/useReferenceData';
import { CommitteeCard } from './CommitteeCard';
import { ImportLink } from './ImportLink';
import { partnerApi } from './partnerApi';
import { PartnerDrawer } from './PartnerDrawer';
import { PartnerFormModal } from './PartnerFormModal';
import { PARTNER_TYPES, type PartnerSummary } from './partnerTypes';

const FILTER_KEYS = ['q', 'townId', 'type'] as const;

/** 合作伙伴: NGOs, employers, stationed units and individuals taking part in the town's community education. */
export default function PartnersPage() {
  const t = useT();
  const { can, me } = useAuth();
  const list = useUrlList(FILTER_KEYS, (query, signal) => partnerApi.list(query, signal));
  const regions = useRegions();
  const canManage = can(PERMISSIONS.networkPartnerManage);
  const [form, setForm] = useState<{ open: boolean; editing: PartnerSummary | null }>({ open: false, editing: null });
  const [shown, setShown] = useState<string | null>(null);
  // A town admin starts on their own town's committee.
  const regionGrant = me?.roles.find((r) => r.scopeType === 'region');
  const ownTown = regionGrant?.scopeId !== undefined && regionGrant?.scopeId !== null ? String(regionGrant.scopeId) : undefined;

  const columns: ColumnsType<PartnerSummary> = [
    {
      title: t('network.field.name'), key: 'name',
      render: (_, p) => (
        <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => setShown(p.id)} data-testid={`partner-show-${p.id}`}>{p.name}</Button>
      ),
    },
    { title: t('network.partners.type'), key: 'type', render: (_, p) => t(`network.partnerType.${p.type}`) },
    { title: t('network.field.town'), dataIndex: 'townName', key: 'town' },
    { title: t('network.field.contactName'), key: 'contact', render: (_, p) => p.contactName || '—' },
    { title: t('network.field.contactPhone'), key: 'phone', render: (_, p) => p.contactPhone || '—' },
    { title: t('network.field.status'), key: 'status', render: (_, p) => <Tag color={p.status === 'active' ? 'green' : 'default'}>{t(`network.partnerStatus.${p.status}`)}</Tag> },
    {
      title: t('network.field.actions'), key: 'actions', fixed: 'right',
      render: (_, p) => (
        <Space size="small">
          <Button type="link" size="small" onClick={() => setShown(p.id)}>{t('network.partners.details')}</Button>
          {canManage ? <Button type="link" size="small" onClick={() => setForm({ open: true, editing: p })} data-testid={`partner-edit-${p.id}`}>{t('network.partners.edit')}</Button> : null}
        </Space>
      ),
    },
  ];

  return (
    <ListPage
      title={t('network.partners.title')}
      description={t('network.partners.description')}
      exportTo={{ path: '/network/partners/export.xlsx', testId: 'partners-export' }}
      actions={canManage ? <>
        <ImportLink kind="partners" />
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setForm({ open: true, editing: null })} data-testid="partner-create">
          {t('network.partners.create')}
        </Button>
      </> : null}
      filters={
        <FilterBar name="partnerFilters" label={t('network.partners.title')} value={list.filters} onChange={list.setFilters} fields={[
          { kind: 'search', name: 'q', label: t('network.field.name'), width: 180 },
          { kind: 'select', name: 'townId', label: t('network.field.town'), width: 130, options: townOptions(regions.data ?? []) },
          { kind: 'select', name: 'type', label: t('network.partners.type'), width: 130,
            options: PARTNER_TYPES.map((p) => ({ value: p, label: t(`network.partnerType.${p}`) })) },
        ]} />
      }
      list={list}
      table={{ rowKey: 'id', columns, scroll: { x: 1000 }, testId: 'partners-table' }}
    >
      {/* A town admin has only their own town's committee to choose (others are out of scope). */}
      <CommitteeCard regions={(regions.data ?? []).filter((r) => !ownTown || idKey(r.id) === ownTown)} canManage={canManage}
        initialTownId={list.filters.townId ?? ownTown} />
      <PartnerDrawer partnerId={shown} canManage={canManage} onClose={() => setShown(null)} />
      <PartnerFormModal open={form.open} editing={form.editing} regions={regions.data ?? []}
        onClose={() => setForm({ open: false, editing: null })}
        onSaved={() => { setForm({ open: false, editing: null }); list.reload(); }} />
    </ListPage>
  );
}
