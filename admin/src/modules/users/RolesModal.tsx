import { Alert, Form, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../core/i18n/useT';
import { usersApi } from './api';
import { RoleGrantEditor } from './RoleGrantEditor';
import { fromRows, toRows, type RoleGrantRow } from './roleGrants';
import type { UserSummary } from './types';
import { useFormSubmit } from './useFormSubmit';
import { useInstitutions, useRegions } from './useReferenceData';

interface Values {
  roles: RoleGrantRow[];
}

const FIELDS = ['roles'] as const;

interface Props {
  user: UserSummary | null;
  onClose: () => void;
  onSaved: (user: UserSummary) => void;
}

export function RolesModal({ user, onClose, onSaved }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const regions = useRegions();
  const institutions = useInstitutions(!!user);
  const { run, submitting, error, clearError } = useFormSubmit(form, FIELDS);

  useEffect(() => {
    if (user) {
      form.resetFields();
      form.setFieldsValue({ roles: toRows(user.roles) });
      clearError();
    }
  }, [user, form, clearError]);

  const onFinish = async (values: Values) => {
    if (!user) return;
    const roles = fromRows(values.roles, regions.data ?? [], institutions.data ?? []);
    const saved = await run(() => usersApi.setRoles(user.id, roles));
    if (saved) onSaved(saved);
  };

  return (
    <Modal
      open={!!user}
      title={t('roles.title', { name: user?.displayName || user?.username || '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      width={720}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('roles.hint')}</Typography.Paragraph>
      <Form<Values> form={form} name="userRoles" layout="vertical" onFinish={onFinish}>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <RoleGrantEditor
          name="roles"
          regions={regions.data ?? []}
          institutions={institutions.data ?? []}
          loading={regions.loading || institutions.loading}
          includeResident={user?.kind === 'resident'}
        />
      </Form>
    </Modal>
  );
}
