import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useProblemText } from '../../core/api/useProblemText';
import { useT } from '../../core/i18n/useT';
import { usersApi } from './api';
import type { UserSummary } from './types';

export interface UserActionHandlers {
  onEdit: (user: UserSummary) => void;
  onRoles: (user: UserSummary) => void;
  /** After enable / disable. */
  onChanged: (user: UserSummary) => void;
  onPasswordReset: (user: UserSummary, temporaryPassword: string) => void;
}

type Busy = 'status' | 'reset' | null;

const LINK_STYLE = { paddingInline: 4 };

/** The row's actions; each one only when the server says this user may do it (`abilities`). */
export function UserActions({ user, handlers }: { user: UserSummary; handlers: UserActionHandlers }) {
  const t = useT();
  const problemText = useProblemText();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<Busy>(null);
  const can = user.abilities ?? ({} as Partial<UserSummary['abilities']>);
  const name = user.displayName || user.username;

  const act = async (kind: Exclude<Busy, null>, action: () => Promise<void>) => {
    setBusy(kind);
    try {
      await action();
    } catch (error) {
      message.error(problemText(error));
    } finally {
      setBusy(null);
    }
  };

  const setStatus = (enable: boolean) =>
    act('status', async () => {
      const saved = enable ? await usersApi.enable(user.id) : await usersApi.disable(user.id);
      message.success(
        !enable
          ? t('users.disable.done', { name })
          : user.status === 'locked'
            ? t('users.unlock.done', { name })
            : t('users.enable.done', { name }),
      );
      handlers.onChanged(saved);
    });

  const resetPassword = () =>
    act('reset', async () => {
      const { temporaryPassword } = await usersApi.resetPassword(user.id);
      handlers.onPasswordReset(user, temporaryPassword);
    });

  const showDisable = !!can.disable && user.status !== 'disabled';
  const showEnable = !!can.enable && user.status !== 'active';
  const locked = user.status === 'locked';

  return (
    <Space size={0} wrap>
      {can.update ? (
        <Button type="link" size="small" style={LINK_STYLE} onClick={() => handlers.onEdit(user)}>
          {t('users.action.edit')}
        </Button>
      ) : null}
      {can.assignRoles ? (
        <Button type="link" size="small" style={LINK_STYLE} onClick={() => handlers.onRoles(user)}>
          {t('users.action.roles')}
        </Button>
      ) : null}
      {showDisable ? (
        <Popconfirm
          title={t('users.disable.confirmTitle', { name })}
          description={t('users.disable.confirmText')}
          okText={t('users.action.disable')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() => setStatus(false)}
        >
          <Button type="link" size="small" style={LINK_STYLE} danger loading={busy === 'status'}>
            {t('users.action.disable')}
          </Button>
        </Popconfirm>
      ) : null}
      {showEnable ? (
        <Popconfirm
          title={locked ? t('users.unlock.confirmTitle', { name }) : t('users.enable.confirmTitle', { name })}
          okText={locked ? t('users.action.unlock') : t('users.action.enable')}
          cancelText={t('common.cancel')}
          onConfirm={() => setStatus(true)}
        >
          <Button type="link" size="small" style={LINK_STYLE} loading={busy === 'status'}>
            {locked ? t('users.action.unlock') : t('users.action.enable')}
          </Button>
        </Popconfirm>
      ) : null}
      {can.resetPassword ? (
        <Popconfirm
          title={t('users.reset.confirmTitle', { name })}
          description={t('users.reset.confirmText')}
          okText={t('users.action.resetPassword')}
          cancelText={t('common.cancel')}
          onConfirm={resetPassword}
        >
          <Button type="link" size="small" style={LINK_STYLE} loading={busy === 'reset'}>
            {t('users.action.resetPassword')}
          </Button>
        </Popconfirm>
      ) : null}
    </Space>
  );
}
