import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useProblemText } from '../../api/useProblemText';
import { useT } from '../../i18n/useT';
import type { LoginResult } from '../AuthContext';
import { useAuth } from '../useAuth';

interface Values {
  username: string;
  password: string;
}

export function PasswordStep({ onResult }: { onResult: (result: LoginResult) => void }) {
  const t = useT();
  const problemText = useProblemText();
  const { login } = useAuth();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      onResult(await login(values.username.trim(), values.password));
    } catch (failure) {
      setError(failure);
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form<Values> form={form} name="login" layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
      {error ? (
        <Alert type="error" showIcon title={problemText(error)} style={{ marginBottom: 16 }} data-testid="login-error" />
      ) : null}
      <Form.Item
        name="username"
        label={t('login.username')}
        rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
      >
        <Input
          prefix={<UserOutlined aria-hidden />}
          autoComplete="username"
          autoFocus
          placeholder={t('login.usernamePlaceholder')}
          data-testid="login-username"
        />
      </Form.Item>
      <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
        <Input.Password
          prefix={<LockOutlined aria-hidden />}
          autoComplete="current-password"
          placeholder={t('login.passwordPlaceholder')}
          data-testid="login-password"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
        {t('login.submit')}
      </Button>
    </Form>
  );
}
