import {
  AuditOutlined,
  DashboardOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { PERMISSIONS } from '../auth/permissions';
import type { MessageKey } from '../i18n/catalogs';

export interface NavItem {
  path: string;
  labelKey: MessageKey;
  icon: ReactNode;
  /** Shown only to users holding this permission; always shown when absent. */
  permission?: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', labelKey: 'nav.dashboard', icon: <DashboardOutlined /> },
  { path: '/users', labelKey: 'nav.users', icon: <TeamOutlined />, permission: PERMISSIONS.userRead },
  { path: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, permission: PERMISSIONS.auditRead },
  {
    path: '/settings',
    labelKey: 'nav.settings',
    icon: <SafetyCertificateOutlined />,
    permission: PERMISSIONS.settingsUpdate,
  },
  { path: '/account', labelKey: 'nav.account', icon: <UserOutlined /> },
];

/** The nav item a location belongs to (longest matching prefix). */
export function activeNavPath(pathname: string): string {
  let best = '/';
  for (const item of NAV_ITEMS) {
    if (item.path === '/') continue;
    if ((pathname === item.path || pathname.startsWith(`${item.path}/`)) && item.path.length > best.length) {
      best = item.path;
    }
  }
  return best;
}
