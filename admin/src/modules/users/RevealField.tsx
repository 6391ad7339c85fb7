import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useProblemText } from '../../core/api/useProblemText';
import type { MessageKey } from '../../core/i18n/catalogs';
import { useT } from '../../core/i18n/useT';
import { usersApi } from './api';
import type { RevealableField, UserSummary } from './types';

export const REVEAL_SECONDS = 30;

const TEXT: Record<RevealableField, { button: MessageKey; title: MessageKey }> = {
  phone: { button: 'users.reveal.button', title: 'users.reveal.title' },
  idNumber: { button: 'users.reveal.idNumberButton', title: 'users.reveal.idNumberTitle' },
};

const TEST_ID: Record<RevealableField, string> = { phone: 'phone-revealed', idNumber: 'id-number-revealed' };

/**
 * A masked personal field (phone, ID number); users allowed to may reveal it for 30 seconds
 * (the server audits every reveal).
 */
export function RevealField({ user, field }: { user: UserSummary; field: RevealableField }) {
  const t = useT();
  const problemText = useProblemText();
  const { message } = App.useApp();
  const [revealed, setRevealed] = useState<string | null>(null);
  const [secondsLeft, setSecondsLeft] = useState(0);
  const [loading, setLoading] = useState(false);
  const masked = user[field];

  useEffect(() => {
    if (revealed === null) return;
    if (secondsLeft <= 0) {
      setRevealed(null);
      return;
    }
    const timer = window.setTimeout(() => setSecondsLeft((s) => s - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [revealed, secondsLeft]);

  // A new masked value (after an edit) hides what was revealed before.
  useEffect(() => setRevealed(null), [masked]);

  if (!masked) return <Typography.Text type="secondary">—</Typography.Text>;

  const reveal = async () => {
    setLoading(true);
    try {
      const { value } = await usersApi.reveal(user.id, field);
      setRevealed(value ?? '—');
      setSecondsLeft(REVEAL_SECONDS);
    } catch (error) {
      message.error(problemText(error));
    } finally {
      setLoading(false);
    }
  };

  if (revealed !== null) {
    return (
      <Tooltip title={t('users.reveal.hidesIn', { seconds: secondsLeft })}>
        <Flex gap="0 6px" align="center" wrap>
          <Typography.Text className="lc-mono" strong data-testid={TEST_ID[field]} style={{ whiteSpace: 'nowrap' }}>
            {revealed}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {t('users.reveal.seconds', { seconds: secondsLeft })}
          </Typography.Text>
        </Flex>
      </Tooltip>
    );
  }

  return (
    <Flex gap={4} align="center">
      <span className="lc-mono" style={{ whiteSpace: 'nowrap' }}>
        {masked}
      </span>
      {user.abilities?.reveal ? (
        <Popconfirm
          title={t(TEXT[field].title)}
          description={t('users.reveal.audited')}
          okText={t('users.reveal.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={reveal}
        >
          <Button
            type="text"
            size="small"
            icon={<EyeOutlined aria-hidden />}
            loading={loading}
            aria-label={t(TEXT[field].button)}
            title={t(TEXT[field].button)}
          />
        </Popconfirm>
      ) : null}
    </Flex>
  );
}
