import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../core/api/ApiError';
import { localized } from '../../core/api/problemText';
import { useProblemText } from '../../core/api/useProblemText';
import { useMe } from '../../core/auth/useAuth';
import { useLang, useT } from '../../core/i18n/useT';
import { accountApi } from './api';

/** Offers `data` as a JSON file download. */
function download(data: unknown, filename: string) {
  const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the object URL goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The export file's name: `learning-city-<username>.json` (usernames are letters, digits, `.`, `_`, `-`). */
function exportFilename(username: string): string {
  return `learning-city-${username.replace(/[^A-Za-z0-9._-]/g, '_')}.json`;
}

/** Download everything the platform holds about my account, after entering the password again. */
export function ExportDataForm() {
  const t = useT();
  const { lang } = useLang();
  const me = useMe();
  const problemText = useProblemText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const onFinish = async ({ password }: { password: string }) => {
    setLoading(true);
    setError(null);
    try {
      const data = await accountApi.exportOwnData(password);
      download(data, exportFilename(me.username));
      form.resetFields();
      message.success(t('export.done'));
    } catch (failure) {
      const onPassword =
        failure instanceof ApiError ? (failure.problem?.errors ?? []).filter((e) => e.field === 'password') : [];
      if (onPassword.length > 0) {
        form.setFields([{ name: 'password', errors: onPassword.map((e) => localized(e.message, lang) ?? e.code) }]);
      } else {
        setError(problemText(failure));
      }
    } finally {
      setLoading(false);
    }
  };

  return (
    <Form form={form} name="exportData" layout="vertical" onFinish={onFinish} style={{ maxWidth: 480 }} data-testid="export-form">
      <Typography.Paragraph>{t('export.intro')}</Typography.Paragraph>
      <Alert type="info" showIcon title={t('export.audited')} style={{ marginBottom: 16 }} />
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form.Item
        name="password"
        label={t('export.password')}
        rules={[{ required: true, message: t('password.currentRequired') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={loading} icon={<DownloadOutlined aria-hidden />} data-testid="export-submit">
        {t('export.submit')}
      </Button>
    </Form>
  );
}
