import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useProblemText } from '../../core/api/useProblemText';
import { useT } from '../../core/i18n/useT';
import { accountApi } from './api';

export function MfaDisableForm({ onDisabled }: { onDisabled: () => void | Promise<void> }) {
  const t = useT();
  const problemText = useProblemText();
  const [form] = Form.useForm<{ password: string }>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  const onFinish = async ({ password }: { password: string }) => {
    setLoading(true);
    setError(null);
    let disabled = false;
    try {
      await accountApi.mfaDisable(password);
      disabled = true;
      form.resetFields();
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
    if (disabled) await Promise.resolve(onDisabled()).catch(() => undefined);
  };

  return (
    <Form form={form} name="mfaDisable" layout="vertical" onFinish={onFinish} style={{ maxWidth: 420 }}>
      {error ? <Alert type="error" showIcon title={problemText(error)} style={{ marginBottom: 16 }} /> : null}
      <Form.Item
        name="password"
        label={t('mfa.disablePassword')}
        rules={[{ required: true, message: t('password.currentRequired') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Button danger htmlType="submit" loading={loading} data-testid="mfa-disable">
        {t('mfa.disable')}
      </Button>
    </Form>
  );
}
