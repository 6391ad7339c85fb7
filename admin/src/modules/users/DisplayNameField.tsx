import { Form, Input } from 'antd';
import { useT } from '../../core/i18n/useT';

/** 姓名 of an account, as the create and edit forms ask for it. */
export function DisplayNameField() {
  const t = useT();
  return (
    <Form.Item
      name="displayName"
      label={t('users.field.displayName')}
      rules={[{ required: true, whitespace: true, message: t('users.field.displayNameRequired') }, { max: 50 }]}
    >
      <Input autoComplete="off" />
    </Form.Item>
  );
}
