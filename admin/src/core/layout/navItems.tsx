import {
  ApartmentOutlined,
  BankOutlined,
  BarChartOutlined,
  IdcardOutlined,
  HeartOutlined,
  AuditOutlined,
  BookOutlined,
  DashboardOutlined,
  FileTextOutlined,
  MenuOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
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
  { path: '/', labelKey: 'nav.dashboard', icon: <DashboardOutlined aria-hidden /> },
  { path: '/users', labelKey: 'nav.users', icon: <TeamOutlined aria-hidden />, permission: PERMISSIONS.userRead },
  {
    path: '/portal-nav',
    labelKey: 'nav.portalNav',
    icon: <MenuOutlined aria-hidden />,
    permission: PERMISSIONS.navUpdate,
  },
  // Content module (issue 3)
  {
    path: '/content/items',
    labelKey: 'nav.contentItems',
    icon: <FileTextOutlined aria-hidden />,
    permission: PERMISSIONS.contentItemRead,
  },
  {
    path: '/content/categories',
    labelKey: 'nav.contentCategories',
    icon: <ApartmentOutlined aria-hidden />,
    permission: PERMISSIONS.contentCategoryManage,
  },
  {
    path: '/content/jobs',
    labelKey: 'nav.contentJobs',
    icon: <SolutionOutlined aria-hidden />,
    permission: PERMISSIONS.contentJobManage,
  },
  {
    path: '/content/dictionary',
    labelKey: 'nav.contentDictionary',
    icon: <BookOutlined aria-hidden />,
    permission: PERMISSIONS.contentDictionaryManage,
  },
  // Network module (issue 4)
  {
    path: '/network/institutions',
    labelKey: 'nav.networkInstitutions',
    icon: <BankOutlined aria-hidden />,
    permission: PERMISSIONS.networkInstitutionRead,
  },
  {
    path: '/network/people',
    labelKey: 'nav.networkPeople',
    icon: <IdcardOutlined aria-hidden />,
    permission: PERMISSIONS.networkStaffRead,
  },
  {
    path: '/network/partners',
    labelKey: 'nav.networkPartners',
    icon: <HeartOutlined aria-hidden />,
    permission: PERMISSIONS.networkPartnerRead,
  },
  {
    path: '/network/gaps',
    labelKey: 'nav.networkGaps',
    icon: <BarChartOutlined aria-hidden />,
    permission: PERMISSIONS.networkStandardRead,
  },
  { path: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined aria-hidden />, permission: PERMISSIONS.auditRead },
  {
    path: '/settings',
    labelKey: 'nav.settings',
    icon: <SafetyCertificateOutlined aria-hidden />,
    permission: PERMISSIONS.settingsUpdate,
  },
  { path: '/account', labelKey: 'nav.account', icon: <UserOutlined aria-hidden /> },
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
