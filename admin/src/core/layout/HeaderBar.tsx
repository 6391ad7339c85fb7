import { LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Flex, Grid, Popover, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useAuth, useMe } from '../auth/useAuth';
import { useT } from '../i18n/useT';
import { RoleGrantTags } from '../ui/RoleGrantTags';
import { LanguageSwitch } from './LanguageSwitch';

interface Props {
  collapsed: boolean;
  onToggle: () => void;
}

export function HeaderBar({ collapsed, onToggle }: Props) {
  const t = useT();
  const me = useMe();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const wide = !!screens.xl;

  const onLogout = async () => {
    await logout();
    navigate('/login', { replace: true });
  };

  const roles = <RoleGrantTags roles={me.roles} emptyText={t('header.noRoles')} />;

  return (
    <Flex align="center" justify="space-between" gap={12} style={{ height: '100%' }}>
      <Button
        type="text"
        icon={collapsed ? <MenuUnfoldOutlined aria-hidden /> : <MenuFoldOutlined aria-hidden />}
        onClick={onToggle}
        aria-label={collapsed ? t('header.expandMenu') : t('header.collapseMenu')}
      />
      <Flex align="center" gap={12} style={{ minWidth: 0 }}>
        {wide ? (
          <div style={{ minWidth: 0, overflow: 'hidden' }} data-testid="header-roles">
            {roles}
          </div>
        ) : null}
        <LanguageSwitch />
        <Popover content={roles} title={t('header.myRoles')} trigger={wide ? [] : ['click']}>
          <Flex align="center" gap={8} style={{ cursor: wide ? 'default' : 'pointer' }} data-testid="header-user">
            <Avatar size="small" icon={<UserOutlined aria-hidden />} />
            <Typography.Text strong ellipsis style={{ maxWidth: 160 }}>
              {me.displayName || me.username}
            </Typography.Text>
          </Flex>
        </Popover>
        <Button icon={<LogoutOutlined aria-hidden />} onClick={onLogout} data-testid="logout" aria-label={t('header.logout')}>
          {screens.md ? t('header.logout') : null}
        </Button>
      </Flex>
    </Flex>
  );
}
