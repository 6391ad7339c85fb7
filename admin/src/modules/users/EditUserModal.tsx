import { Alert, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../core/i18n/useT';
import { usersApi } from './api';
import type { UserSummary } from './types';
import { useFormSubmit } from './useFormSubmit';

interface Values {
  displayName: string;
  phone?: string;
}

const FIELDS = ['displayName', 'phone'] as const;

interface Props {
  user: UserSummary | null;
  onClose: () => void;
  onSaved: (user: UserSummary) => void;
}

export function EditUserModal({ user, onClose, onSaved }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { run, submitting, error, clearError } = useFormSubmit(form, FIELDS);

  useEffect(() => {
    if (user) {
      form.setFieldsValue({ displayName: user.displayName, phone: '' });
      clearError();
    }
  }, [user, form, clearError]);

  const onFinish = async (values: Values) => {
    if (!user) return;
    const patch: { displayName?: string; phone?: string } = {};
    if (values.displayName.trim() !== user.displayName) patch.displayName = values.displayName.trim();
    if (values.phone?.trim()) patch.phone = values.phone.trim();
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    const saved = await run(() => usersApi.update(user.id, patch));
    if (saved) onSaved(saved);
  };

  return (
    <Modal
      open={!!user}
      title={t('users.edit.title', { username: user?.username ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      forceRender
    >
      <Form<Values> form={form} name="editUser" layout="vertical" onFinish={onFinish}>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Form.Item
          name="displayName"
          label={t('users.field.displayName')}
          rules={[{ required: true, whitespace: true, message: t('users.field.displayNameRequired') }, { max: 50 }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('users.field.phone')}
          extra={user?.phone ? t('users.edit.phoneKeep', { phone: user.phone }) : t('users.edit.phoneEmpty')}
          rules={[{ pattern: /^\s*\+?[\d\s-]{5,20}\s*$/, message: t('users.field.phoneInvalid') }]}
        >
          <Input inputMode="tel" autoComplete="off" placeholder={t('users.edit.phonePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
