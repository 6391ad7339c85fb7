import { App, Card, Descriptions, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useAuth, useMe } from '../../core/auth/useAuth';
import { useT } from '../../core/i18n/useT';
import { PageContainer } from '../../core/ui/PageContainer';
import { RoleGrantTags } from '../../core/ui/RoleGrantTags';
import { ChangePasswordForm } from './ChangePasswordForm';
import { ExportDataForm } from './ExportDataForm';
import { MfaPanel } from './MfaPanel';
import { SessionsPanel } from './SessionsPanel';

const TABS = ['password', 'mfa', 'sessions', 'export'] as const;
type Tab = (typeof TABS)[number];

function isTab(value: string | null): value is Tab {
  return (TABS as readonly (string | null)[]).includes(value);
}

export default function AccountPage() {
  const t = useT();
  const me = useMe();
  const { refresh } = useAuth();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = isTab(requested) ? requested : 'password';

  return (
    <PageContainer title={t('account.title')}>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'username', label: t('users.field.username'), children: me.username },
            { key: 'displayName', label: t('users.field.displayName'), children: me.displayName },
            {
              key: 'mfa',
              label: t('account.mfa'),
              children: me.mfaEnabled ? t('mfa.statusEnabled') : t('mfa.statusDisabled'),
            },
            { key: 'roles', label: t('account.roles'), children: <RoleGrantTags roles={me.roles} /> },
          ]}
        />
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'password' ? {} : { tab: key }, { replace: true })}
          items={[
            {
              key: 'password',
              label: t('account.tab.password'),
              children: (
                <ChangePasswordForm
                  onChanged={async () => {
                    message.success(t('password.changed'));
                    await refresh();
                  }}
                />
              ),
            },
            { key: 'mfa', label: t('account.tab.mfa'), children: <MfaPanel /> },
            { key: 'sessions', label: t('account.tab.sessions'), children: <SessionsPanel /> },
            { key: 'export', label: t('account.tab.export'), children: <ExportDataForm /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
