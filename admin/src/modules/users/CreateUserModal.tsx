import { Form, Input } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../core/i18n/useT';
import { ModalForm } from '../../core/ui/ModalForm';
import { DisplayNameField } from './DisplayNameField';
import { usersApi } from './api';
import { RoleGrantEditor } from './RoleGrantEditor';
import { normalizeIdNumber } from './idNumber';
import { idNumberRules, normalizeIdNumberInput, personalFieldErrorKey } from './personalFields';
import { fromRows, type RoleGrantRow } from './roleGrants';
import type { UserSummary } from './types';
import { useFormSubmit } from '../../core/api/useFormSubmit';
import { useInstitutions, useRegions } from './useReferenceData';

interface Values {
  username: string;
  displayName: string;
  phone?: string;
  idNumber?: string;
  roles: RoleGrantRow[];
}

const FIELDS = ['username', 'displayName', 'phone', 'idNumber', 'roles'] as const;

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (user: UserSummary, initialPassword: string) => void;
}

export function CreateUserModal({ open, onClose, onCreated }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const regions = useRegions();
  const institutions = useInstitutions(open);
  const { run, submitting, error, clearError } = useFormSubmit(form, FIELDS, personalFieldErrorKey);

  useEffect(() => {
    if (open) {
      form.resetFields();
      clearError();
    }
  }, [open, form, clearError]);

  const onFinish = async (values: Values) => {
    const phone = values.phone?.trim();
    const idNumber = normalizeIdNumber(values.idNumber ?? '');
    const created = await run(() =>
      usersApi.create({
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        ...(phone ? { phone } : {}),
        ...(idNumber ? { idNumber } : {}),
        roles: fromRows(values.roles, regions.data ?? [], institutions.data ?? []),
      }),
    );
    if (created) onCreated(created.user, created.initialPassword);
  };

  return (
    <ModalForm<Values>
      open={open}
      title={t('users.create.title')}
      okText={t('users.create.submit')}
      form={form}
      name="createUser"
      onCancel={onClose}
      onFinish={onFinish}
      initialValues={{ roles: [] }}
      submitting={submitting}
      error={error}
      width={720}
      keepMounted
      okTestId="user-create-submit"
    >
      <Form.Item
        name="username"
        label={t('users.field.username')}
        rules={[
          { required: true, whitespace: true, message: t('users.field.usernameRequired') },
          { pattern: /^\s*\S+\s*$/, message: t('users.field.usernameInvalid') },
          { min: 3, max: 32, message: t('users.field.usernameLength') },
        ]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <DisplayNameField />
      <Form.Item
        name="phone"
        label={t('users.field.phoneOptional')}
        rules={[{ pattern: /^\s*\+?[\d\s-]{5,20}\s*$/, message: t('users.field.phoneInvalid') }]}
      >
        <Input inputMode="tel" autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={t('users.field.idNumberOptional')}
        extra={t('users.field.idNumberHint')}
        normalize={normalizeIdNumberInput}
        validateTrigger={['onChange', 'onBlur']}
        validateFirst
        rules={idNumberRules(t)}
      >
        <Input autoComplete="off" className="lc-mono" />
      </Form.Item>
      <Form.Item label={t('users.field.initialRoles')} required>
        <RoleGrantEditor
          name="roles"
          regions={regions.data ?? []}
          institutions={institutions.data ?? []}
          loading={regions.loading || institutions.loading}
        />
      </Form.Item>
    </ModalForm>
  );
}
