import { SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { useProblemText } from '../../api/useProblemText';
import { useT } from '../../i18n/useT';
import type { Me } from '../../api/types';
import { useAuth } from '../useAuth';

interface Values {
  code: string;
}

interface Props {
  ticket: string;
  onSignedIn: (me: Me) => void;
  onBack: () => void;
}

export function MfaStep({ ticket, onSignedIn, onBack }: Props) {
  const t = useT();
  const problemText = useProblemText();
  const { loginMfa } = useAuth();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  const onFinish = async ({ code }: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      onSignedIn(await loginMfa(ticket, code.trim()));
    } catch (failure) {
      setError(failure);
      form.setFieldValue('code', '');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form<Values> form={form} name="loginMfa" layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
      <Alert type="info" showIcon title={t('login.mfaHint')} style={{ marginBottom: 16 }} />
      {error ? (
        <Alert type="error" showIcon title={problemText(error)} style={{ marginBottom: 16 }} data-testid="login-error" />
      ) : null}
      <Form.Item
        name="code"
        label={t('login.mfaCode')}
        rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('mfa.codeInvalid') }]}
      >
        <Input
          prefix={<SafetyOutlined aria-hidden />}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          autoFocus
          placeholder="123456"
          data-testid="login-mfa-code"
        />
      </Form.Item>
      <Flex vertical gap={8}>
        <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-mfa-submit">
          {t('login.verify')}
        </Button>
        <Button type="link" block onClick={onBack}>
          {t('login.back')}
        </Button>
      </Flex>
    </Form>
  );
}
