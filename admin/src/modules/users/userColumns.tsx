import { Tag, Typography, type TableColumnsType } from 'antd';
import { formatDateTime } from '../../core/format/datetime';
import type { TFunction } from '../../core/i18n/I18nProvider';
import { RoleGrantTags } from '../../core/ui/RoleGrantTags';
import { RevealPhone } from './RevealPhone';
import type { UserSummary } from './types';
import { UserActions, type UserActionHandlers } from './UserActions';
import { UserStatusTag } from './UserStatusTag';

export function userColumns(t: TFunction, handlers: UserActionHandlers): TableColumnsType<UserSummary> {
  return [
    {
      title: t('users.col.username'),
      dataIndex: 'username',
      width: 130,
      render: (username: string, user) => (
        <span>
          <Typography.Text className="lc-mono">{username}</Typography.Text>
          {user.kind === 'resident' ? (
            <Tag style={{ marginInlineStart: 6 }}>{t('users.kind.resident')}</Tag>
          ) : null}
        </span>
      ),
    },
    { title: t('users.col.displayName'), dataIndex: 'displayName', width: 110 },
    {
      title: t('users.col.phone'),
      dataIndex: 'phone',
      width: 150,
      render: (_: unknown, user) => <RevealPhone user={user} />,
    },
    {
      title: t('users.col.roles'),
      dataIndex: 'roles',
      minWidth: 180,
      render: (_: unknown, user) => <RoleGrantTags roles={user.roles} emptyText={t('users.noRoles')} />,
    },
    {
      title: t('users.col.homeScope'),
      dataIndex: 'homeScope',
      width: 130,
      responsive: ['xxl'],
      render: (_: unknown, user) => user.homeScope?.name ?? '—',
    },
    {
      title: t('users.col.status'),
      dataIndex: 'status',
      width: 84,
      render: (_: unknown, user) => <UserStatusTag status={user.status} />,
    },
    {
      title: t('users.col.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 168,
      render: (value: string | null) =>
        value ? formatDateTime(value) : <Typography.Text type="secondary">{t('users.neverLoggedIn')}</Typography.Text>,
    },
    {
      title: t('users.col.actions'),
      key: 'actions',
      width: 200,
      fixed: 'right',
      render: (_: unknown, user) => <UserActions user={user} handlers={handlers} />,
    },
  ];
}
