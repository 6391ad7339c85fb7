import { Alert, Button, Card } from 'antd';
import { Link } from 'react-router';
import { api } from '../../../core/api/client';
import { useProblemText } from '../../../core/api/useProblemText';
import { useQuery } from '../../../core/api/useQuery';
import { StatsHeadline } from './StatsHeadline';
import type { LearningStats } from './statsTypes';
import { useStatsT } from './statsText';

/** The 工作台 card: the learning headline numbers of the caller's scope, and the way to the full dashboard. */
export function LearningDashboardCard() {
  const t = useStatsT();
  const problemText = useProblemText();
  const stats = useQuery('dashboard-learning', (signal) => api.get<LearningStats>('/learning/stats', { signal }));
  return (
    <Card title={t('cardTitle')} data-testid="learning-dashboard" loading={!stats.data && !stats.error}
      extra={<Link to="/learning/stats" data-testid="learning-dashboard-more">{t('cardMore')}</Link>}>
      {stats.error ? <Alert type="error" showIcon title={problemText(stats.error)} action={<Button size="small" onClick={stats.reload}>{t('retry')}</Button>} /> : null}
      {stats.data ? <StatsHeadline stats={stats.data} /> : null}
    </Card>
  );
}
