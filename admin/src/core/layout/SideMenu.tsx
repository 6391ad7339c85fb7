import { Menu, type MenuProps } from 'antd';
import { useMemo } from 'react';
import { Link, useLocation } from 'react-router';
import { useAuth } from '../auth/useAuth';
import { useT } from '../i18n/useT';
import { activeNavPath, NAV_ITEMS } from './navItems';

export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const { can } = useAuth();
  const { pathname } = useLocation();

  const items = useMemo<MenuProps['items']>(
    () =>
      NAV_ITEMS.filter((item) => !item.permission || can(item.permission)).map((item) => ({
        key: item.path,
        icon: item.icon,
        label: (
          <Link to={item.path} onClick={onNavigate}>
            {t(item.labelKey)}
          </Link>
        ),
      })),
    [can, t, onNavigate],
  );

  return (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={[activeNavPath(pathname)]}
      data-testid="menu"
      aria-label={t('nav.label')}
    />
  );
}
