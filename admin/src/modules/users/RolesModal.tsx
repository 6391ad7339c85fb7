import { Form, Typography } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../core/i18n/useT';
import { ModalForm } from '../../core/ui/ModalForm';
import { usersApi } from './api';
import { RoleGrantEditor } from './RoleGrantEditor';
import { fromRows, toRows, type RoleGrantRow } from './roleGrants';
import type { UserSummary } from './types';
import { useFormSubmit } from '../../core/api/useFormSubmit';
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
    <ModalForm<Values>
      open={!!user}
      title={t('roles.title', { name: user?.displayName || user?.username || '' })}
      intro={<Typography.Paragraph type="secondary">{t('roles.hint')}</Typography.Paragraph>}
      form={form}
      name="userRoles"
      onCancel={onClose}
      onFinish={onFinish}
      submitting={submitting}
      error={error}
      width={720}
      keepMounted
    >
      <RoleGrantEditor
        name="roles"
        regions={regions.data ?? []}
        institutions={institutions.data ?? []}
        loading={regions.loading || institutions.loading}
        includeResident={user?.kind === 'resident'}
      />
    </ModalForm>
  );
}
