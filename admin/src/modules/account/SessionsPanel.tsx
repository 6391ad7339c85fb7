import { Alert, App, Button, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useProblemText } from '../../core/api/useProblemText';
import { useQuery } from '../../core/api/useQuery';
import { formatDateTime } from '../../core/format/datetime';
import { useT } from '../../core/i18n/useT';
import { accountApi, type OwnSession } from './api';

/** Where this account is logged in; any session but this one can be ended (e.g. a lost phone). */
export function SessionsPanel() {
  const t = useT();
  const problemText = useProblemText();
  const { message } = App.useApp();
  const sessions = useQuery('account.sessions', accountApi.sessions);
  const [ending, setEnding] = useState<string | null>(null);

  const end = async (id: string) => {
    setEnding(id);
    try {
      await accountApi.endSession(id);
      message.success(t('sessions.ended'));
      sessions.reload();
    } catch (error) {
      message.error(problemText(error));
    } finally {
      setEnding(null);
    }
  };

  return (
    <>
      <Typography.Paragraph type="secondary">{t('sessions.hint')}</Typography.Paragraph>
      {sessions.error ? <Alert type="error" showIcon title={problemText(sessions.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<OwnSession>
        rowKey="id"
        size="middle"
        loading={sessions.loading}
        dataSource={sessions.data?.items ?? []}
        pagination={false}
        data-testid="sessions-table"
        columns={[
          {
            title: t('sessions.device'),
            dataIndex: 'userAgent',
            render: (ua: string | null, row) => (
              <>
                <Typography.Text ellipsis style={{ maxWidth: 360 }}>{ua ?? '—'}</Typography.Text>
                {row.current ? <Tag color="green" style={{ marginLeft: 8 }}>{t('sessions.current')}</Tag> : null}
              </>
            ),
          },
          { title: t('sessions.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
          { title: t('sessions.started'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          { title: t('sessions.lastSeen'), dataIndex: 'lastSeenAt', render: (v: string) => formatDateTime(v) },
          {
            title: t('sessions.actions'),
            key: 'actions',
            render: (_, row) => row.current ? null : (
              <Popconfirm title={t('sessions.endConfirm')} okText={t('sessions.end')} cancelText={t('common.cancel')} onConfirm={() => end(row.id)}>
                <Button danger size="small" loading={ending === row.id}>{t('sessions.end')}</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </>
  );
}
