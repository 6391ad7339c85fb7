import { Menu, type MenuProps } from 'antd';
import { useMemo } from 'react';
import { Link, useLocation } from 'react-router';
import { useAuth } from '../auth/useAuth';
import { useT } from '../i18n/useT';
import { activeNavPath, NAV_GROUPS, NAV_ITEMS } from './navItems';

export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const { can } = useAuth();
  const { pathname } = useLocation();

  // Items of a group go into one sub-menu, placed where the group's first visible item is; a group of which
  // the user sees one item only shows that item, without a sub-menu around it.
  const { items, groupKeys } = useMemo(() => {
    const out: NonNullable<MenuProps['items']> = [];
    const groups = new Map<string, { children: NonNullable<MenuProps['items']> }>();
    for (const item of NAV_ITEMS) {
      if (item.permission && !can(item.permission)) continue;
      const entry = {
        key: item.path,
        icon: item.icon,
        label: (
          <Link to={item.path} onClick={onNavigate}>
            {t(item.labelKey)}
          </Link>
        ),
      };
      if (!item.group) {
        out.push(entry);
        continue;
      }
      let group = groups.get(item.group);
      if (!group) {
        group = { children: [] };
        groups.set(item.group, group);
        const { labelKey, icon } = NAV_GROUPS[item.group];
        out.push({ key: `group:${item.group}`, icon, label: t(labelKey), children: group.children });
      }
      group.children.push(entry);
    }
    const flat = out.map((entry) => {
      const children = entry && 'children' in entry ? entry.children : undefined;
      return children?.length === 1 ? children[0] : entry;
    });
    return { items: flat, groupKeys: [...groups.keys()].map((g) => `group:${g}`) };
  }, [can, t, onNavigate]);

  return (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={[activeNavPath(pathname)]}
      // Groups start open, so every screen stays one click away.
      defaultOpenKeys={groupKeys}
      data-testid="menu"
      aria-label={t('nav.label')}
    />
  );
}
