import { CheckCircleFilled } from '@ant-design/icons';
import { App, Divider, Flex, Typography } from 'antd';
import { useAuth, useMe } from '../../core/auth/useAuth';
import { useT } from '../../core/i18n/useT';
import { MfaDisableForm } from './MfaDisableForm';
import { MfaSetupFlow } from './MfaSetupFlow';

/** Two-factor status for the signed-in user: set it up, or turn it off. */
export function MfaPanel() {
  const t = useT();
  const me = useMe();
  const { refresh } = useAuth();
  const { message } = App.useApp();

  if (!me.mfaEnabled) {
    return (
      <MfaSetupFlow
        onEnabled={async () => {
          message.success(t('mfa.enabledMessage'));
          await refresh();
        }}
      />
    );
  }

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} align="center" data-testid="mfa-status">
        <CheckCircleFilled style={{ color: '#52c41a', fontSize: 18 }} aria-hidden />
        <Typography.Text strong>{t('mfa.statusEnabled')}</Typography.Text>
      </Flex>
      <Typography.Text type="secondary">{t('mfa.enabledHint')}</Typography.Text>
      <Divider />
      <MfaDisableForm
        onDisabled={async () => {
          message.success(t('mfa.disabledMessage'));
          await refresh();
        }}
      />
    </Flex>
  );
}
