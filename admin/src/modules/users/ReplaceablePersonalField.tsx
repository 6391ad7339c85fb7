import { Checkbox, Flex, Form, Input } from 'antd';
import type { FormItemProps, InputProps } from 'antd';

interface Props {
  /** The form field holding a new value; `clear<Name>` holds the "remove" tick. */
  name: 'phone' | 'idNumber';
  label: string;
  /** The masked value on file, or null. */
  current: string | null | undefined;
  removing: boolean;
  texts: { keep: string; empty: string; removing: string; remove: string; placeholder: string };
  rules?: FormItemProps['rules'];
  itemProps?: Pick<FormItemProps, 'normalize' | 'validateTrigger' | 'validateFirst'>;
  inputProps?: Pick<InputProps, 'inputMode' | 'className'>;
  onRemoveToggled: (removing: boolean) => void;
}

/**
 * A personal field the server only shows masked: never pre-filled, so an empty input keeps the value on
 * file, a typed one replaces it, and the tick removes it.
 */
export function ReplaceablePersonalField({ name, label, current, removing, texts, rules, itemProps, inputProps, onRemoveToggled }: Props) {
  const clearName = name === 'phone' ? 'clearPhone' : 'clearIdNumber';
  return (
    <Form.Item label={label} htmlFor={`editUser_${name}`} extra={removing ? texts.removing : current ? texts.keep : texts.empty}>
      <Flex gap={12} align="center">
        <Form.Item name={name} noStyle rules={rules} {...itemProps}>
          <Input autoComplete="off" placeholder={texts.placeholder} disabled={removing} style={{ flex: 1 }} {...inputProps} />
        </Form.Item>
        {current ? (
          <Form.Item name={clearName} valuePropName="checked" noStyle>
            <Checkbox onChange={(e) => onRemoveToggled(e.target.checked)} style={{ whiteSpace: 'nowrap', minWidth: '8.5em' }}>
              {texts.remove}
            </Checkbox>
          </Form.Item>
        ) : null}
      </Flex>
    </Form.Item>
  );
}
