import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../i18n/useT';
import { copyText } from './clipboard';

export function CopyButton({ text, testId }: { text: string; testId?: string }) {
  const t = useT();
  const { message } = App.useApp();
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 2000);
    return () => window.clearTimeout(timer);
  }, [copied]);

  const onClick = async () => {
    if (await copyText(text)) {
      setCopied(true);
      message.success(t('common.copied'));
    } else {
      message.error(t('common.copyFailed'));
    }
  };

  return (
    <Button icon={copied ? <CheckOutlined aria-hidden /> : <CopyOutlined aria-hidden />} onClick={onClick} data-testid={testId}>
      {copied ? t('common.copied') : t('common.copy')}
    </Button>
  );
}
