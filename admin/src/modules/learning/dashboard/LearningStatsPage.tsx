import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Select, Table, Typography } from 'antd';
import { api } from '../../../core/api/client';
import { useProblemText } from '../../../core/api/useProblemText';
import { useQuery } from '../../../core/api/useQuery';
import { useUrlListState } from '../../../core/hooks/useUrlState';
import { PageContainer } from '../../../core/ui/PageContainer';
import { exportUrl } from '../../../core/ui/ExportButton';
import { idKey } from '../../users/regionTree';
import { useRegions } from '../../users/useReferenceData';
import { catalogueApi } from '../catalogue/catalogueApi';
import { LearningCharts } from './LearningCharts';
import { StatsHeadline } from './StatsHeadline';
import type { InstitutionRow, LearningStats } from './statsTypes';
import { useStatsT } from './statsText';

const FILTER_KEYS = ['termId', 'townId'] as const;

/** 学习统计: the learning dashboard over the caller's scope, filtered by term and town (kept in the URL), with an .xlsx export. */
export default function LearningStatsPage() {
  const t = useStatsT();
  const problemText = useProblemText();
  const regions = useRegions();
  const terms = useQuery('learning-terms', (signal) => catalogueApi.terms(signal));
  const { filters, setFilters } = useUrlListState(FILTER_KEYS);
  const stats = useQuery(`learning-stats-${filters.termId ?? ''}-${filters.townId ?? ''}`,
    (signal) => api.get<LearningStats>('/learning/stats', { signal, query: { termId: filters.termId, townId: filters.townId } }));
  const d = stats.data;
  const towns = (regions.data ?? []).filter((r) => r.level === 'town');

  return (
    <PageContainer title={t('title')} description={t('description')}
      extra={<Button icon={<DownloadOutlined aria-hidden />} href={exportUrl('/learning/stats.xlsx', filters)} download data-testid="learning-stats-export">{t('export')}</Button>}>
      <Flex vertical gap={16}>
        <Card>
          <Form layout="inline" style={{ rowGap: 12 }} data-testid="learning-stats-filters">
            <Form.Item label={t('term')}>
              <Select allowClear placeholder={t('all')} style={{ width: 200 }} value={filters.termId} data-testid="learning-stats-term"
                onChange={(termId?: string) => setFilters({ ...filters, termId })}
                options={(terms.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))} />
            </Form.Item>
            <Form.Item label={t('town')}>
              <Select allowClear placeholder={t('all')} style={{ width: 160 }} value={filters.townId} data-testid="learning-stats-town"
                onChange={(townId?: string) => setFilters({ ...filters, townId })}
                options={towns.map((r) => ({ value: idKey(r.id), label: r.name }))} />
            </Form.Item>
          </Form>
        </Card>
        {stats.error ? (
          <Alert type="error" showIcon title={problemText(stats.error)} action={<Button size="small" onClick={stats.reload}>{t('retry')}</Button>} />
        ) : null}
        <Card loading={!d && !stats.error} data-testid="learning-stats">
          {d ? (
            <Flex vertical gap={24}>
              <StatsHeadline stats={d} />
              <Typography.Text type="secondary">{t('asOf', { date: d.date })}　{t('personTimesHint')}</Typography.Text>
              <LearningCharts stats={d} />
            </Flex>
          ) : null}
        </Card>
        {d ? (
          <Card title={t('byInstitution')}>
            <Table<InstitutionRow> size="small" rowKey="institutionId" dataSource={d.byInstitution} pagination={false} data-testid="learning-by-institution"
              columns={[
                { title: '#', key: 'rank', width: 48, render: (_, __, i) => i + 1 },
                { title: t('institution'), dataIndex: 'name', key: 'name' },
                { title: t('town'), key: 'town', render: (_, r) => d.byTown.find((x) => x.townId === r.townId)?.townName ?? t('none') },
                { title: t('enrolments'), dataIndex: 'enrolments', key: 'enrolments', align: 'right' },
              ]} />
          </Card>
        ) : null}
      </Flex>
    </PageContainer>
  );
}
