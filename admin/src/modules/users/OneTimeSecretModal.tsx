import { Alert, Button, Flex, Modal, Typography } from 'antd';
import { CopyButton } from '../../core/ui/CopyButton';
import { useT } from '../../core/i18n/useT';

interface Props {
  open: boolean;
  title: string;
  /** Who the secret is for, shown above it. */
  subject: string;
  secret: string;
  onClose: () => void;
  afterClose?: () => void;
}

/** Shows a password exactly once, with a copy button. It is not kept anywhere after closing. */
export function OneTimeSecretModal({ open, title, subject, secret, onClose, afterClose }: Props) {
  const t = useT();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      afterClose={afterClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="secret-done">
          {t('users.secret.done')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('users.secret.once')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {subject}
      </Typography.Paragraph>
      <Flex gap={8} align="center" wrap>
        <Typography.Text
          className="lc-mono"
          strong
          style={{ fontSize: 20, padding: '4px 12px', background: 'rgba(0,0,0,0.04)', borderRadius: 6 }}
          data-testid="one-time-secret"
        >
          {secret}
        </Typography.Text>
        <CopyButton text={secret} testId="secret-copy" />
      </Flex>
    </Modal>
  );
}
