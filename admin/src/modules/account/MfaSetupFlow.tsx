import { Alert, Button, Flex, Form, Input, QRCode, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useProblemText } from '../../core/api/useProblemText';
import { useT } from '../../core/i18n/useT';
import { CopyButton } from '../../core/ui/CopyButton';
import { accountApi } from './api';

interface Setup {
  secret: string;
  otpauthUrl: string;
}

/** Groups a base32 secret in fours so it can be typed by hand. */
const groupSecret = (secret: string) => secret.replace(/\s+/g, '').replace(/(.{4})/g, '$1 ').trim();

/** Start → scan the QR code (or type the secret) → confirm with a code. */
export function MfaSetupFlow({ onEnabled }: { onEnabled: () => void | Promise<void> }) {
  const t = useT();
  const problemText = useProblemText();
  const [form] = Form.useForm<{ code: string }>();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  const start = async () => {
    setLoading(true);
    setError(null);
    try {
      setSetup(await accountApi.mfaSetup());
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  };

  const enable = async ({ code }: { code: string }) => {
    setLoading(true);
    setError(null);
    let enabled = false;
    try {
      await accountApi.mfaEnable(code.trim());
      enabled = true;
    } catch (failure) {
      setError(failure);
      form.setFieldValue('code', '');
    } finally {
      setLoading(false);
    }
    if (enabled) await Promise.resolve(onEnabled()).catch(() => undefined);
  };

  return (
    <Flex vertical gap={16} data-testid="mfa-setup">
      <Steps
        size="small"
        current={setup ? 1 : 0}
        items={[{ title: t('mfa.step.start') }, { title: t('mfa.step.scan') }, { title: t('mfa.step.confirm') }]}
      />
      {error ? <Alert type="error" showIcon title={problemText(error)} data-testid="mfa-error" /> : null}
      {!setup ? (
        <>
          <Typography.Paragraph style={{ margin: 0 }}>{t('mfa.intro')}</Typography.Paragraph>
          <Button type="primary" onClick={start} loading={loading} style={{ alignSelf: 'flex-start' }} data-testid="mfa-start">
            {t('mfa.start')}
          </Button>
        </>
      ) : (
        <>
          <Typography.Paragraph style={{ margin: 0 }}>{t('mfa.scan')}</Typography.Paragraph>
          <Flex gap={24} wrap align="center">
            <QRCode value={setup.otpauthUrl} size={180} bordered data-testid="mfa-qrcode" />
            <Flex vertical gap={8} style={{ minWidth: 0 }}>
              <Typography.Text type="secondary">{t('mfa.secretLabel')}</Typography.Text>
              <Typography.Text className="lc-mono" strong style={{ fontSize: 16, wordBreak: 'break-all' }} data-testid="mfa-secret">
                {groupSecret(setup.secret)}
              </Typography.Text>
              <div>
                <CopyButton text={setup.secret} />
              </div>
            </Flex>
          </Flex>
          <Form form={form} name="mfaEnable" layout="inline" onFinish={enable} style={{ rowGap: 8 }}>
            <Form.Item
              name="code"
              label={t('mfa.code')}
              rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('mfa.codeInvalid') }]}
            >
              <Input
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                placeholder="123456"
                style={{ width: 140 }}
                data-testid="mfa-code"
              />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={loading} data-testid="mfa-enable">
                {t('mfa.enable')}
              </Button>
            </Form.Item>
          </Form>
        </>
      )}
    </Flex>
  );
}
