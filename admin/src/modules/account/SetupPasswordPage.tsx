import { App } from 'antd';
import { useAuth } from '../../core/auth/useAuth';
import { useT } from '../../core/i18n/useT';
import { CenteredLayout } from '../../core/layout/CenteredLayout';
import { ChangePasswordForm } from './ChangePasswordForm';
import { SetupLogoutButton } from './SetupLogoutButton';

/** First sign-in (or after a reset): the user must choose a new password before anything else. */
export default function SetupPasswordPage() {
  const t = useT();
  const { refresh } = useAuth();
  const { message } = App.useApp();
  return (
    <CenteredLayout
      title={t('setup.password.title')}
      subtitle={t('setup.password.subtitle')}
      extra={<SetupLogoutButton />}
      width={460}
    >
      <ChangePasswordForm
        submitText={t('setup.password.submit')}
        onChanged={async () => {
          message.success(t('password.changed'));
          // The guard moves on to the next required step (or home) once the flag is cleared.
          await refresh();
        }}
      />
    </CenteredLayout>
  );
}
