import { Flex, Grid, Tag, Typography, type TableColumnsType } from 'antd';
import { formatDateTime } from '../../core/format/datetime';
import type { TFunction } from '../../core/i18n/I18nProvider';
import { RoleGrantTags } from '../../core/ui/RoleGrantTags';
import { RevealField } from './RevealField';
import type { UserSummary } from './types';
import { UserActions, type UserActionHandlers } from './UserActions';
import { UserStatusTag } from './UserStatusTag';

/**
 * The users table. On wide screens (`xxl`) the ID number has a column of its own; narrower, it sits under the
 * phone number, so that the status and last sign-in stay in view.
 */
export function userColumns(
  t: TFunction,
  handlers: UserActionHandlers,
  wide: boolean,
): TableColumnsType<UserSummary> {
  const personal: TableColumnsType<UserSummary> = wide
    ? [
        {
          title: t('users.col.phone'),
          dataIndex: 'phone',
          width: 150,
          render: (_: unknown, user) => <RevealField user={user} field="phone" />,
        },
        {
          title: t('users.col.idNumber'),
          dataIndex: 'idNumber',
          width: 196,
          render: (_: unknown, user) => <RevealField user={user} field="idNumber" />,
        },
      ]
    : [
        {
          title: t('users.col.phoneAndIdNumber'),
          key: 'personal',
          width: 196,
          render: (_: unknown, user) =>
            user.phone || user.idNumber ? (
              <Flex vertical gap={2}>
                {user.phone ? <RevealField user={user} field="phone" /> : null}
                {user.idNumber ? <RevealField user={user} field="idNumber" /> : null}
              </Flex>
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            ),
        },
      ];
  return [
    {
      title: t('users.col.username'),
      dataIndex: 'username',
      width: 124,
      render: (username: string, user) => (
        <span>
          <Typography.Text className="lc-mono">{username}</Typography.Text>
          {user.kind === 'resident' ? (
            <Tag style={{ marginInlineStart: 6 }}>{t('users.kind.resident')}</Tag>
          ) : null}
        </span>
      ),
    },
    { title: t('users.col.displayName'), dataIndex: 'displayName', width: 104 },
    ...personal,
    {
      title: t('users.col.roles'),
      dataIndex: 'roles',
      minWidth: 130,
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
      width: 76,
      render: (_: unknown, user) => <UserStatusTag status={user.status} />,
    },
    {
      title: t('users.col.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 150,
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

/**
 * The width the table needs for the columns shown at these breakpoints (fixed widths, and minimum widths
 * for the flexible ones), so that scrolling sideways starts before any column is squeezed.
 */
export function minTableWidth(
  columns: TableColumnsType<UserSummary>,
  screens: ReturnType<typeof Grid.useBreakpoint>,
): number {
  return columns
    .filter((column) => !column.responsive || column.responsive.some((breakpoint) => screens[breakpoint]))
    .reduce((sum, column) => sum + (Number(column.width ?? column.minWidth) || 120), 0);
}
