import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useProblemText } from '../../core/api/useProblemText';
import { useLang, useT } from '../../core/i18n/useT';
import { accountApi } from './api';
import { passwordReasons } from './passwordReasons';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Current + new + confirm. Calls `onChanged` after the server accepted the new password. */
export function ChangePasswordForm({ onChanged, submitText }: { onChanged: () => void | Promise<void>; submitText?: string }) {
  const t = useT();
  const { lang } = useLang();
  const problemText = useProblemText();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    setError(null);
    let changed = false;
    try {
      await accountApi.changePassword(values.currentPassword, values.newPassword);
      changed = true;
      form.resetFields();
    } catch (failure) {
      const reasons = passwordReasons(failure, lang, t);
      form.setFields([
        { name: 'currentPassword', errors: reasons.currentPassword },
        { name: 'newPassword', errors: reasons.newPassword },
      ]);
      const onFields = reasons.currentPassword.length + reasons.newPassword.length > 0;
      setError(onFields ? null : problemText(failure));
    } finally {
      setSubmitting(false);
    }
    if (changed) await Promise.resolve(onChanged()).catch(() => undefined);
  };

  return (
    <Form<Values> form={form} name="changePassword" layout="vertical" onFinish={onFinish} style={{ maxWidth: 420 }} data-testid="change-password-form">
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="password-error" /> : null}
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true, message: t('password.currentRequired') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        extra={<Typography.Text type="secondary">{t('password.policyHint')}</Typography.Text>}
        rules={[{ required: true, message: t('password.newRequired') }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: async (_, value: string | undefined) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submitting} data-testid="password-submit">
        {submitText ?? t('password.submit')}
      </Button>
    </Form>
  );
}
