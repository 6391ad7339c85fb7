import { Flex } from 'antd';
import { PERMISSIONS } from '../../core/auth/permissions';
import { useAuth } from '../../core/auth/useAuth';
import { useT } from '../../core/i18n/useT';
import { PageContainer } from '../../core/ui/PageContainer';
import { NetworkDashboardCard } from '../network/NetworkDashboardCard';
import { LearningDashboardCard } from '../learning/dashboard/LearningDashboardCard';
import { Greeting } from './Greeting';
import { UserStatsCard } from './UserStatsCard';

export default function DashboardPage() {
  const t = useT();
  const { can } = useAuth();
  return (
    <PageContainer title={t('dashboard.title')}>
      <Flex vertical gap={16}>
        <Greeting />
        {can(PERMISSIONS.userRead) ? <UserStatsCard /> : null}
        {can(PERMISSIONS.networkInstitutionRead) ? <NetworkDashboardCard /> : null}
        {can('learning.stats.read') ? <LearningDashboardCard /> : null}
      </Flex>
    </PageContainer>
  );
}
