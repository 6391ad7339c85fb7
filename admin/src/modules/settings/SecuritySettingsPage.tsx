import { Alert, App, Button, Card, Checkbox, Flex, Form, Skeleton, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useProblemText } from '../../core/api/useProblemText';
import { useQuery } from '../../core/api/useQuery';
import { ROLES, roleLabel } from '../../core/format/roles';
import { useT } from '../../core/i18n/useT';
import { PageContainer } from '../../core/ui/PageContainer';
import { settingsApi, type SecuritySettings } from './api';

export default function SecuritySettingsPage() {
  const t = useT();
  const problemText = useProblemText();
  const { message } = App.useApp();
  const [form] = Form.useForm<SecuritySettings>();
  const settings = useQuery('settings.security', settingsApi.getSecurity);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);

  useEffect(() => {
    if (settings.data) form.setFieldsValue({ mfaRequiredRoles: settings.data.mfaRequiredRoles });
  }, [settings.data, form]);

  // Roles the server knows but this screen does not list are kept, not dropped on save.
  const options = useMemo(() => {
    const extra = (settings.data?.mfaRequiredRoles ?? []).filter((r) => !(ROLES as readonly string[]).includes(r));
    return [...ROLES, ...extra].map((role) => ({ value: role, label: roleLabel(t, role) }));
  }, [settings.data, t]);

  const onFinish = async (values: SecuritySettings) => {
    setSaving(true);
    setSaveError(null);
    try {
      const saved = await settingsApi.putSecurity({ mfaRequiredRoles: values.mfaRequiredRoles ?? [] });
      form.setFieldsValue(saved);
      message.success(t('common.saved'));
    } catch (error) {
      setSaveError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageContainer title={t('settings.title')} description={t('settings.description')}>
      <Card title={t('settings.mfa.title')} style={{ maxWidth: 760 }}>
        {settings.error ? (
          <Alert
            type="error"
            showIcon
            title={problemText(settings.error)}
            action={
              <Button size="small" onClick={settings.reload}>
                {t('common.retry')}
              </Button>
            }
          />
        ) : !settings.data ? (
          <Skeleton active />
        ) : (
          <Form<SecuritySettings> form={form} name="securitySettings" layout="vertical" onFinish={onFinish}>
            <Alert type="info" showIcon title={t('settings.mfa.hint')} style={{ marginBottom: 16 }} />
            {saveError ? (
              <Alert type="error" showIcon title={problemText(saveError)} style={{ marginBottom: 16 }} />
            ) : null}
            <Form.Item name="mfaRequiredRoles" label={t('settings.mfa.roles')}>
              <Checkbox.Group style={{ width: '100%' }} data-testid="mfa-required-roles">
                <Flex wrap gap="8px 24px">
                  {options.map((o) => (
                    <Checkbox key={o.value} value={o.value} style={{ minWidth: 140 }}>
                      {o.label}
                    </Checkbox>
                  ))}
                </Flex>
              </Checkbox.Group>
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={saving} data-testid="settings-save">
                {t('common.save')}
              </Button>
              <Button onClick={() => form.setFieldsValue({ mfaRequiredRoles: settings.data?.mfaRequiredRoles ?? [] })}>
                {t('common.reset')}
              </Button>
            </Space>
          </Form>
        )}
      </Card>
    </PageContainer>
  );
}
