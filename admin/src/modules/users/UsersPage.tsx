import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Grid } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { PERMISSIONS } from '../../core/auth/permissions';
import { useAuth } from '../../core/auth/useAuth';
import { useUrlList } from '../../core/hooks/useUrlList';
import { useT } from '../../core/i18n/useT';
import { ListPage } from '../../core/ui/ListPage';
import { usersApi } from './api';
import { CreateUserModal } from './CreateUserModal';
import { EditUserModal } from './EditUserModal';
import { OneTimeSecretModal } from './OneTimeSecretModal';
import { RolesModal } from './RolesModal';
import type { UserSummary, UserListQuery } from './types';
import type { UserActionHandlers } from './UserActions';
import { minTableWidth, userColumns } from './userColumns';
import { USER_FILTER_KEYS, UserFilters } from './UserFilters';

interface Secret {
  title: string;
  subject: string;
  value: string;
  open: boolean;
}

export default function UsersPage() {
  const t = useT();
  const { message } = App.useApp();
  const { can } = useAuth();
  const list = useUrlList(USER_FILTER_KEYS, (query, signal) =>
    usersApi.list({ ...query, status: query.status as UserListQuery['status'] }, signal));

  const [editing, setEditing] = useState<UserSummary | null>(null);
  const [assigning, setAssigning] = useState<UserSummary | null>(null);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<Secret | null>(null);

  const reload = list.reload;
  const handlers = useMemo<UserActionHandlers>(
    () => ({
      onEdit: setEditing,
      onRoles: setAssigning,
      onChanged: () => reload(),
      onPasswordReset: (user, temporaryPassword) =>
        setSecret({
          title: t('users.reset.resultTitle'),
          subject: t('users.reset.resultSubject', { name: user.displayName || user.username, username: user.username }),
          value: temporaryPassword,
          open: true,
        }),
    }),
    [reload, t],
  );
  const screens = Grid.useBreakpoint();
  const wide = !!screens.xxl;
  const columns = useMemo(() => userColumns(t, handlers, wide), [t, handlers, wide]);
  const scrollX = minTableWidth(columns, screens);

  const onSaved = useCallback(
    () => {
      message.success(t('common.saved'));
      setEditing(null);
      setAssigning(null);
      reload();
    },
    [message, reload, t],
  );

  const onCreated = (user: UserSummary, initialPassword: string) => {
    setCreating(false);
    reload();
    setSecret({
      title: t('users.create.resultTitle'),
      subject: t('users.create.resultSubject', { name: user.displayName || user.username, username: user.username }),
      value: initialPassword,
      open: true,
    });
  };

  return (
    <ListPage
      title={t('users.title')}
      description={t('users.description')}
      actions={
        can(PERMISSIONS.userCreate) ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} data-testid="user-create">
            {t('users.create.button')}
          </Button>
        ) : null
      }
      filters={<UserFilters value={list.filters} onChange={list.setFilters} />}
      list={list}
      table={{ rowKey: (user: UserSummary) => String(user.id), columns, scroll: { x: scrollX }, testId: 'users-table' }}
    >
      <EditUserModal user={editing} onClose={() => setEditing(null)} onSaved={onSaved} />
      <RolesModal user={assigning} onClose={() => setAssigning(null)} onSaved={onSaved} />
      <CreateUserModal open={creating} onClose={() => setCreating(false)} onCreated={onCreated} />
      <OneTimeSecretModal
        open={!!secret?.open}
        title={secret?.title ?? ''}
        subject={secret?.subject ?? ''}
        secret={secret?.value ?? ''}
        onClose={() => setSecret((s) => (s ? { ...s, open: false } : s))}
        afterClose={() => setSecret(null)}
      />
    </ListPage>
  );
}
