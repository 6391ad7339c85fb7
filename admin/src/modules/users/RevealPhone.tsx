import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useProblemText } from '../../core/api/useProblemText';
import { useT } from '../../core/i18n/useT';
import { usersApi } from './api';
import type { UserSummary } from './types';

export const REVEAL_SECONDS = 30;

/** The masked phone; users allowed to may reveal it for 30 seconds (the server audits every reveal). */
export function RevealPhone({ user }: { user: UserSummary }) {
  const t = useT();
  const problemText = useProblemText();
  const { message } = App.useApp();
  const [revealed, setRevealed] = useState<string | null>(null);
  const [secondsLeft, setSecondsLeft] = useState(0);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (revealed === null) return;
    if (secondsLeft <= 0) {
      setRevealed(null);
      return;
    }
    const timer = window.setTimeout(() => setSecondsLeft((s) => s - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [revealed, secondsLeft]);

  if (!user.phone) return <Typography.Text type="secondary">—</Typography.Text>;

  const reveal = async () => {
    setLoading(true);
    try {
      const { value } = await usersApi.revealPhone(user.id);
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
        <Flex gap={6} align="center">
          <Typography.Text className="lc-mono" strong data-testid="phone-revealed">
            {revealed}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('users.reveal.seconds', { seconds: secondsLeft })}
          </Typography.Text>
        </Flex>
      </Tooltip>
    );
  }

  return (
    <Flex gap={4} align="center">
      <span className="lc-mono">{user.phone}</span>
      {user.abilities?.reveal ? (
        <Popconfirm
          title={t('users.reveal.title')}
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
            aria-label={t('users.reveal.button')}
            title={t('users.reveal.button')}
          />
        </Popconfirm>
      ) : null}
    </Flex>
  );
}
