import { Tabs } from 'antd';
import { useAuth } from '../../../core/auth/useAuth';
import { PageContainer } from '../../../core/ui/PageContainer';
import { ProxyLinksTab } from './ProxyLinksTab';
import { RosterTab } from './RosterTab';
import { useEnrolmentT } from './enrolmentText';

/** 报名管理: rosters and waitlists (with 代办), and family authorisations for those who manage enrolments. */
export default function EnrolmentPage() {
  const t = useEnrolmentT();
  const { can } = useAuth();
  const items = [
    { key: 'roster', label: t('tabRoster'), children: <RosterTab /> },
    can('learning.enrolment.manage') ? { key: 'links', label: t('tabLinks'), children: <ProxyLinksTab /> } : null,
  ].filter((x): x is NonNullable<typeof x> => x !== null);
  return (
    <PageContainer title={t('title')} description={t('description')}>
      <Tabs items={items} destroyOnHidden data-testid="learning-enrolment-tabs" />
    </PageContainer>
  );
}
