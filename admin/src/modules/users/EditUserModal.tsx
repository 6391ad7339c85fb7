import { Form } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../core/i18n/useT';
import { ModalForm } from '../../core/ui/ModalForm';
import { DisplayNameField } from './DisplayNameField';
import { usersApi } from './api';
import { normalizeIdNumber } from './idNumber';
import { idNumberRules, normalizeIdNumberInput, personalFieldErrorKey } from './personalFields';
import type { UpdateUserInput, UserSummary } from './types';
import { useFormSubmit } from '../../core/api/useFormSubmit';
import { ReplaceablePersonalField } from './ReplaceablePersonalField';

interface Values {
  displayName: string;
  phone?: string;
  clearPhone?: boolean;
  idNumber?: string;
  clearIdNumber?: boolean;
}

const FIELDS = ['displayName', 'phone', 'idNumber'] as const;

interface Props {
  user: UserSummary | null;
  onClose: () => void;
  onSaved: (user: UserSummary) => void;
}

/**
 * Name, phone and ID number. The personal fields are masked, so they are never pre-filled: an empty field
 * keeps the value on file, a new value replaces it, and "remove" clears it.
 */
export function EditUserModal({ user, onClose, onSaved }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { run, submitting, error, clearError } = useFormSubmit(form, FIELDS, personalFieldErrorKey);
  const clearPhone = Form.useWatch('clearPhone', form) ?? false;
  const clearIdNumber = Form.useWatch('clearIdNumber', form) ?? false;

  useEffect(() => {
    if (user) {
      form.resetFields();
      form.setFieldsValue({ displayName: user.displayName });
      clearError();
    }
  }, [user, form, clearError]);

  const onFinish = async (values: Values) => {
    if (!user) return;
    const patch: UpdateUserInput = {};
    if (values.displayName.trim() !== user.displayName) patch.displayName = values.displayName.trim();
    if (values.clearPhone) patch.phone = null;
    else if (values.phone?.trim()) patch.phone = values.phone.trim();
    const idNumber = normalizeIdNumber(values.idNumber ?? '');
    if (values.clearIdNumber) patch.idNumber = null;
    else if (idNumber) patch.idNumber = idNumber;
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    const saved = await run(() => usersApi.update(user.id, patch));
    if (saved) onSaved(saved);
  };

  const onRemoveToggled = (field: 'phone' | 'idNumber', removing: boolean) => {
    // A value typed before ticking "remove" would be ignored; say so by emptying the field.
    if (removing) form.setFields([{ name: field, value: '', errors: [] }]);
  };

  return (
    <ModalForm<Values>
      open={!!user}
      title={t('users.edit.title', { username: user?.username ?? '' })}
      form={form}
      name="editUser"
      onCancel={onClose}
      onFinish={onFinish}
      submitting={submitting}
      error={error}
      keepMounted
      okTestId="user-edit-submit"
    >
      <DisplayNameField />
      <ReplaceablePersonalField
        name="phone"
        label={t('users.field.phone')}
        current={user?.phone}
        removing={clearPhone}
        texts={{
          keep: t('users.edit.phoneKeep', { phone: user?.phone ?? '' }),
          empty: t('users.edit.phoneEmpty'),
          removing: t('users.edit.phoneRemoving'),
          remove: t('users.edit.removePhone'),
          placeholder: t('users.edit.phonePlaceholder'),
        }}
        rules={[{ pattern: /^\s*\+?[\d\s-]{5,20}\s*$/, message: t('users.field.phoneInvalid') }]}
        inputProps={{ inputMode: 'tel' }}
        onRemoveToggled={(removing) => onRemoveToggled('phone', removing)}
      />
      <ReplaceablePersonalField
        name="idNumber"
        label={t('users.field.idNumber')}
        current={user?.idNumber}
        removing={clearIdNumber}
        texts={{
          keep: t('users.edit.idNumberKeep', { idNumber: user?.idNumber ?? '' }),
          empty: t('users.edit.idNumberEmpty'),
          removing: t('users.edit.idNumberRemoving'),
          remove: t('users.edit.removeIdNumber'),
          placeholder: t('users.edit.idNumberPlaceholder'),
        }}
        rules={idNumberRules(t)}
        itemProps={{ normalize: normalizeIdNumberInput, validateTrigger: ['onChange', 'onBlur'], validateFirst: true }}
        inputProps={{ className: 'lc-mono' }}
        onRemoveToggled={(removing) => onRemoveToggled('idNumber', removing)}
      />
    </ModalForm>
  );
}
