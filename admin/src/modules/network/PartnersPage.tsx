import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
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
import { CommitteeCard } from './CommitteeCard';
import { ExportButton } from '../../core/ui/ExportButton';
import { ImportLink } from './ImportLink';
import { partnerApi } from './partnerApi';
import { PartnerDrawer } from './PartnerDrawer';
import { PartnerFormModal } from './PartnerFormModal';
import { PARTNER_TYPES, type PartnerListQuery, type PartnerSummary } from './partnerTypes';

const FILTER_KEYS = ['q', 'townId', 'type'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

/** 合作伙伴: NGOs, employers, stationed units and individuals taking part in the town's community education. */
export default function PartnersPage() {
  const t = useT();
  const problemText = useProblemText();
  const { can, me } = useAuth();
  const { filters, page, pageSize, setFilters, setPage } = useUrlListState(FILTER_KEYS);
  const regions = useRegions();
  const query = useMemo<PartnerListQuery>(() => ({ page, pageSize, ...filters }), [page, pageSize, filters]);
  const list = useQuery(JSON.stringify(query), (signal) => partnerApi.list(query, signal));
  const canManage = can(PERMISSIONS.networkPartnerManage);
  const [form, setForm] = useState<{ open: boolean; editing: PartnerSummary | null }>({ open: false, editing: null });
  const [shown, setShown] = useState<string | null>(null);
  const [filterForm] = Form.useForm<FilterValues<FilterKey>>();
  // A town admin starts on their own town's committee.
  const regionGrant = me?.roles.find((r) => r.scopeType === 'region');
  const ownTown = regionGrant?.scopeId !== undefined && regionGrant?.scopeId !== null ? String(regionGrant.scopeId) : undefined;

  useEffect(() => {
    filterForm.setFieldsValue({ q: undefined, townId: undefined, type: undefined, ...filters });
  }, [filterForm, filters]);
  const submitFilters = () => setFilters(filterForm.getFieldsValue());

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
    <PageContainer title={t('network.partners.title')} description={t('network.partners.description')}
      extra={<>
        <ExportButton path="/network/partners/export.xlsx" filters={filters} testId="partners-export" />
        {canManage ? <ImportLink kind="partners" /> : null}
        {canManage ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setForm({ open: true, editing: null })} data-testid="partner-create">
            {t('network.partners.create')}
          </Button>
        ) : null}
      </>}>
      <Card>
        <Form form={filterForm} layout="inline" onFinish={submitFilters} style={{ rowGap: 12 }} aria-label={t('network.partners.title')}>
          <Form.Item name="q" label={t('network.field.name')}>
            <Input.Search allowClear onSearch={submitFilters} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="townId" label={t('network.field.town')}>
            <Select allowClear style={{ width: 130 }} placeholder={t('common.all')} onChange={submitFilters}
              options={(regions.data ?? []).filter((r) => r.level === 'town').map((r) => ({ value: idKey(r.id), label: r.name }))} />
          </Form.Item>
          <Form.Item name="type" label={t('network.partners.type')}>
            <Select allowClear style={{ width: 130 }} placeholder={t('common.all')} onChange={submitFilters}
              options={PARTNER_TYPES.map((p) => ({ value: p, label: t(`network.partnerType.${p}`) }))} />
          </Form.Item>
          <Form.Item>
            <Button icon={<ReloadOutlined aria-hidden />} onClick={() => { filterForm.resetFields(); setFilters({}); }}>{t('common.reset')}</Button>
          </Form.Item>
        </Form>
        {list.error ? <Alert type="error" showIcon title={problemText(list.error)} style={{ marginTop: 16 }} /> : null}
        <Table<PartnerSummary>
          style={{ marginTop: 16 }}
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          scroll={{ x: 1000 }}
          size="middle"
          data-testid="partners-table"
          pagination={{
            current: list.data?.page ?? page, pageSize: list.data?.pageSize ?? pageSize, total: list.data?.total ?? 0,
            showSizeChanger: true, pageSizeOptions: PAGE_SIZE_OPTIONS, showTotal: (total) => t('common.total', { total }), onChange: setPage,
          }}
        />
      </Card>
      {/* A town admin has only their own town's committee to choose (others are out of scope). */}
      <CommitteeCard regions={(regions.data ?? []).filter((r) => !ownTown || idKey(r.id) === ownTown)} canManage={canManage}
        initialTownId={filters.townId ?? ownTown} />
      <PartnerDrawer partnerId={shown} canManage={canManage} onClose={() => setShown(null)} />
      <PartnerFormModal open={form.open} editing={form.editing} regions={regions.data ?? []}
        onClose={() => setForm({ open: false, editing: null })}
        onSaved={() => { setForm({ open: false, editing: null }); list.reload(); }} />
    </PageContainer>
  );
}
