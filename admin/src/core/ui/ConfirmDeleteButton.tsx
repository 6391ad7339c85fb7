import { DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm } from 'antd';
import { useT } from '../i18n/useT';

interface Props {
  /** The question asked first. */
  confirm: string;
  /** The action's name: the button's accessible name and the confirming button's text. */
  label: string;
  onConfirm: () => void;
  testId?: string;
}

/** A small trash-can button that asks before it removes something. */
export function ConfirmDeleteButton({ confirm, label, onConfirm, testId }: Props) {
  const t = useT();
  return (
    <Popconfirm title={confirm} okText={label} cancelText={t('common.cancel')} onConfirm={onConfirm}>
      <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={label} data-testid={testId} />
    </Popconfirm>
  );
}
