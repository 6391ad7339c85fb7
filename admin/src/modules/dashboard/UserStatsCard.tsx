import { Alert, Button, Card, Col, Empty, Row, Skeleton, Statistic } from 'antd';
import { lazy, Suspense } from 'react';
import { useProblemText } from '../../core/api/useProblemText';
import { useQuery } from '../../core/api/useQuery';
import { useT } from '../../core/i18n/useT';
import { dashboardApi } from './api';

// ECharts is large: load it only once there is something to draw.
const RoleStatsChart = lazy(() => import('./RoleStatsChart'));

export function UserStatsCard() {
  const t = useT();
  const problemText = useProblemText();
  const stats = useQuery('users.stats', dashboardApi.userStats);
  const total = stats.data?.byRole.reduce((sum, r) => sum + r.count, 0) ?? 0;

  return (
    <Card title={t('dashboard.usersChart.title')}>
      {stats.error ? (
        <Alert
          type="error"
          showIcon
          title={problemText(stats.error)}
          action={
            <Button size="small" onClick={stats.reload}>
              {t('common.retry')}
            </Button>
          }
        />
      ) : !stats.data ? (
        <Skeleton active />
      ) : stats.data.byRole.length === 0 ? (
        <Empty description={t('dashboard.usersChart.empty')} />
      ) : (
        <Row gutter={[24, 16]} align="middle">
          <Col xs={24} md={6}>
            <Statistic title={t('dashboard.usersChart.total')} value={total} />
          </Col>
          <Col xs={24} md={18}>
            <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
              <RoleStatsChart stats={stats.data} />
            </Suspense>
          </Col>
        </Row>
      )}
    </Card>
  );
}
