import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useProblemText } from '../../core/api/useProblemText';
import { useQuery } from '../../core/api/useQuery';
import { PERMISSIONS } from '../../core/auth/permissions';
import { useAuth } from '../../core/auth/useAuth';
import { formatDate, formatDateTime } from '../../core/format/datetime';
import { useUrlListState } from '../../core/hooks/useUrlState';
import { useLang, useT } from '../../core/i18n/useT';
import { PageContainer } from '../../core/ui/PageContainer';
import { accreditationApi } from './api';
import { LevelNamesCard } from './LevelNamesCard';
import { levelName } from './levelName';
import { StandardDetailDrawer } from './StandardDetailDrawer';
import { StandardFormModal } from './StandardFormModal';
import { standardsApi } from './standardsApi';
import type { StandardSummary } from './standardsTypes';
import { INSTITUTION_TIERS, type InstitutionTier } from './types';

const FILTER_KEYS = ['tier', 'levelId'] as const;

/** 标准管理: every version of the standards per tier and level, their thresholds, and the city's new versions. */
export default function StandardsPage() {
  const t = useT();
  const { lang } = useLang();
  const problemText = useProblemText();
  const { can } = useAuth();
  const { filters, setFilters } = useUrlListState(FILTER_KEYS);
  const list = useQuery(JSON.stringify(filters), (signal) => standardsApi.list(filters, signal));
  const indicators = useQuery('network-indicators', (signal) => standardsApi.indicators(signal));
  const levels = useQuery('accreditation-levels', (signal) => accreditationApi.levels(signal));
  const [shown, setShown] = useState<string | null>(null);
  const [form, setForm] = useState<{ open: boolean; start: { tier: InstitutionTier; levelId: string } | null }>({ open: false, start: null });
  const today = formatDate(new Date());
  const levelItems = useMemo(() => levels.data?.items ?? [], [levels.data]);
  const indicatorItems = useMemo(() => indicators.data?.items ?? [], [indicators.data]);
  const levelLabel = (id: string) => {
    const level = levelItems.find((l) => l.id === id);
    return level ? levelName(level, lang) : id;
  };

  // Tier, then level rank, then newest version first: each tier and level's history reads top-down.
  const rows = useMemo(() => {
    const rank = new Map(levelItems.map((l) => [l.id, l.rank]));
    return [...(list.data?.items ?? [])].sort((a, b) =>
      INSTITUTION_TIERS.indexOf(a.tier) - INSTITUTION_TIERS.indexOf(b.tier)
      || (rank.get(a.levelId) ?? 0) - (rank.get(b.levelId) ?? 0)
      || b.version - a.version);
  }, [list.data, levelItems]);

  const columns: ColumnsType<StandardSummary> = [
    { title: t('network.field.tier'), key: 'tier', render: (_, s) => t(`network.tier.${s.tier}`) },
    { title: t('network.accreditation.level'), key: 'level', render: (_, s) => levelLabel(s.levelId) },
    { title: t('network.standards.version'), key: 'version', render: (_, s) => `v${s.version}` },
    { title: t('network.standards.effectiveFrom'), dataIndex: 'effectiveFrom', key: 'effectiveFrom' },
    {
      title: t('network.field.status'), key: 'inForce',
      render: (_, s) => (s.inForce ? <Tag color="green">{t('network.standards.inForceNow')}</Tag>
        : s.effectiveFrom > today ? <Tag color="blue">{t('network.standards.upcoming')}</Tag>
          : <Tag>{t('network.standards.superseded')}</Tag>),
    },
    { title: t('network.standards.note'), dataIndex: 'note', key: 'note', render: (note: string) => note || '—', ellipsis: true },
    { title: t('network.standards.createdAt'), key: 'createdAt', render: (_, s) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(s.createdAt)}</span> },
    {
      title: t('network.field.actions'), key: 'actions', fixed: 'right', width: 190,
      render: (_, s) => (
        <Space size="small">
          <Button type="link" size="small" onClick={() => setShown(s.id)} data-testid={`standard-show-${s.id}`}>{t('network.standards.view')}</Button>
          <Button type="link" size="small" onClick={() => setForm({ open: true, start: { tier: s.tier, levelId: s.levelId } })}>
            {t('network.standards.newVersion')}
          </Button>
        </Space>
      ),
    },
  ];

  const error = list.error ?? indicators.error ?? levels.error;
  return (
    <PageContainer
      title={t('network.standards.title')}
      description={t('network.standards.description')}
      extra={
        <Button type="primary" icon={<PlusOutlined aria-hidden />} data-testid="standard-create" onClick={() => setForm({ open: true, start: null })}>
          {t('network.standards.newVersion')}
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <Card>
          <Form layout="inline" style={{ rowGap: 12 }} aria-label={t('network.standards.filters')}>
            <Form.Item label={t('network.field.tier')}>
              <Select allowClear style={{ width: 150 }} placeholder={t('common.all')} value={filters.tier} data-testid="standard-filter-tier"
                onChange={(tier?: string) => setFilters({ ...filters, tier })}
                options={INSTITUTION_TIERS.map((tier) => ({ value: tier, label: t(`network.tier.${tier}`) }))} />
            </Form.Item>
            <Form.Item label={t('network.accreditation.level')}>
              <Select allowClear style={{ width: 150 }} placeholder={t('common.all')} value={filters.levelId}
                onChange={(levelId?: string) => setFilters({ ...filters, levelId })}
                options={levelItems.map((l) => ({ value: l.id, label: levelName(l, lang) }))} />
            </Form.Item>
          </Form>
          {error ? (
            <Alert type="error" showIcon title={problemText(error)} style={{ marginTop: 16 }}
              action={<Button size="small" onClick={list.reload}>{t('common.retry')}</Button>} />
          ) : null}
          <Table<StandardSummary>
            style={{ marginTop: 16 }}
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={list.loading}
            size="middle"
            scroll={{ x: 960 }}
            pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { total }) }}
            data-testid="standards-table"
          />
        </Card>
        {can(PERMISSIONS.networkAccreditationManage) && levelItems.length > 0 ? <LevelNamesCard levels={levelItems} onSaved={levels.reload} /> : null}
      </Flex>
      <StandardDetailDrawer standardId={shown} indicators={indicatorItems} levels={levelItems} onClose={() => setShown(null)} />
      <StandardFormModal
        open={form.open}
        start={form.start}
        indicators={indicatorItems}
        levels={levelItems}
        onClose={() => setForm({ open: false, start: null })}
        onSaved={(saved) => {
          setForm({ open: false, start: null });
          list.reload();
          setShown(saved.id);
        }}
      />
    </PageContainer>
  );
}
