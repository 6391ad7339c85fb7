import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Grid, Table } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useProblemText } from '../../core/api/useProblemText';
import { useQuery } from '../../core/api/useQuery';
import { PERMISSIONS } from '../../core/auth/permissions';
import { useAuth } from '../../core/auth/useAuth';
import { PAGE_SIZE_OPTIONS, useUrlListState } from '../../core/hooks/useUrlState';
import { useT } from '../../core/i18n/useT';
import { PageContainer } from '../../core/ui/PageContainer';
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
  const problemText = useProblemText();
  const { message } = App.useApp();
  const { can } = useAuth();
  const { filters, page, pageSize, setFilters, setPage } = useUrlListState(USER_FILTER_KEYS);

  const query = useMemo<UserListQuery>(
    () => ({ page, pageSize, ...filters, status: filters.status as UserListQuery['status'] }),
    [page, pageSize, filters],
  );
  const list = useQuery(JSON.stringify(query), (signal) => usersApi.list(query, signal));

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
    <PageContainer
      title={t('users.title')}
      description={t('users.description')}
      extra={
        can(PERMISSIONS.userCreate) ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} data-testid="user-create">
            {t('users.create.button')}
          </Button>
        ) : null
      }
    >
      <Card>
        <UserFilters value={filters} onChange={setFilters} />
        {list.error ? (
          <Alert
            type="error"
            showIcon
            title={problemText(list.error)}
            style={{ marginTop: 16 }}
            action={
              <Button size="small" onClick={reload}>
                {t('common.retry')}
              </Button>
            }
          />
        ) : null}
        <Table<UserSummary>
          style={{ marginTop: 16 }}
          rowKey={(user) => String(user.id)}
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          scroll={{ x: scrollX }}
          size="middle"
          data-testid="users-table"
          pagination={{
            current: list.data?.page ?? page,
            pageSize: list.data?.pageSize ?? pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZE_OPTIONS,
            showTotal: (total) => t('common.total', { total }),
            onChange: setPage,
          }}
        />
      </Card>

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
    </PageContainer>
  );
}
