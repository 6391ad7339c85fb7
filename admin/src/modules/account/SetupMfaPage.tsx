import { App } from 'antd';
import { useAuth } from '../../core/auth/useAuth';
import { useT } from '../../core/i18n/useT';
import { CenteredLayout } from '../../core/layout/CenteredLayout';
import { MfaSetupFlow } from './MfaSetupFlow';
import { SetupLogoutButton } from './SetupLogoutButton';

/** Users whose role requires two-factor sign-in set it up before anything else. */
export default function SetupMfaPage() {
  const t = useT();
  const { refresh } = useAuth();
  const { message } = App.useApp();
  return (
    <CenteredLayout
      title={t('setup.mfa.title')}
      subtitle={t('setup.mfa.subtitle')}
      extra={<SetupLogoutButton />}
      width={560}
    >
      <MfaSetupFlow
        onEnabled={async () => {
          message.success(t('mfa.enabledMessage'));
          await refresh();
        }}
      />
    </CenteredLayout>
  );
}
