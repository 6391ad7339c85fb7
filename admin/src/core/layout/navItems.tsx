import {
  ApartmentOutlined,
  BankOutlined,
  BarChartOutlined,
  IdcardOutlined,
  HeartOutlined,
  AuditOutlined,
  BookOutlined,
  ClusterOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  FileTextOutlined,
  FolderOpenOutlined,
  FormOutlined,
  LineChartOutlined,
  MenuOutlined,
  ProfileOutlined,
  ScheduleOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { PERMISSIONS } from '../auth/permissions';
import type { MessageKey } from '../i18n/catalogs';
import { NETWORK_EXTRA_PERMISSIONS } from '../../modules/network/networkPermissions';

export interface NavItem {
  path: string;
  labelKey: MessageKey;
  icon: ReactNode;
  /** Shown only to users holding this permission; always shown when absent. */
  permission?: string;
  /** Items of one group are shown together in a sub-menu, where the group's first visible item would be. */
  group?: NavGroupKey;
}

/** Sub-menus of the side menu (a module with many screens gets one). */
export const NAV_GROUPS = {
  content: { labelKey: 'nav.content', icon: <FolderOpenOutlined aria-hidden /> },
  network: { labelKey: 'nav.network', icon: <ClusterOutlined aria-hidden /> },
  learning: { labelKey: 'nav.learning', icon: <BookOutlined aria-hidden /> },
} satisfies Record<string, { labelKey: MessageKey; icon: ReactNode }>;
export type NavGroupKey = keyof typeof NAV_GROUPS;

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', labelKey: 'nav.dashboard', icon: <DashboardOutlined aria-hidden /> },
  { path: '/users', labelKey: 'nav.users', icon: <TeamOutlined aria-hidden />, permission: PERMISSIONS.userRead },
  {
    path: '/portal-nav',
    labelKey: 'nav.portalNav',
    icon: <MenuOutlined aria-hidden />,
    permission: PERMISSIONS.navUpdate,
  },
  // Content module (issue 3): one 内容 group in the menu
  {
    path: '/content/items',
    labelKey: 'nav.contentItems',
    icon: <FileTextOutlined aria-hidden />,
    permission: PERMISSIONS.contentItemRead,
    group: 'content',
  },
  {
    path: '/content/categories',
    labelKey: 'nav.contentCategories',
    icon: <ApartmentOutlined aria-hidden />,
    permission: PERMISSIONS.contentCategoryManage,
    group: 'content',
  },
  {
    path: '/content/jobs',
    labelKey: 'nav.contentJobs',
    icon: <SolutionOutlined aria-hidden />,
    permission: PERMISSIONS.contentJobManage,
    group: 'content',
  },
  {
    path: '/content/dictionary',
    labelKey: 'nav.contentDictionary',
    icon: <BookOutlined aria-hidden />,
    permission: PERMISSIONS.contentDictionaryManage,
    group: 'content',
  },
  // Network module (issue 4): one 社区教育网络 group in the menu
  {
    path: '/network/institutions',
    labelKey: 'nav.networkInstitutions',
    icon: <BankOutlined aria-hidden />,
    permission: PERMISSIONS.networkInstitutionRead,
    group: 'network',
  },
  {
    path: '/network/people',
    labelKey: 'nav.networkPeople',
    icon: <IdcardOutlined aria-hidden />,
    permission: PERMISSIONS.networkStaffRead,
    group: 'network',
  },
  {
    path: '/network/partners',
    labelKey: 'nav.networkPartners',
    icon: <HeartOutlined aria-hidden />,
    permission: PERMISSIONS.networkPartnerRead,
    group: 'network',
  },
  {
    path: '/network/gaps',
    labelKey: 'nav.networkGaps',
    icon: <BarChartOutlined aria-hidden />,
    permission: PERMISSIONS.networkStandardRead,
    group: 'network',
  },
  {
    path: '/network/import',
    labelKey: 'nav.networkImport',
    icon: <CloudUploadOutlined aria-hidden />,
    // Held by everyone who may import anything (institutions and partners need more; the page offers what they may).
    permission: PERMISSIONS.networkStaffManage,
    group: 'network',
  },
  {
    path: '/network/standards',
    labelKey: 'nav.networkStandards',
    icon: <ProfileOutlined aria-hidden />,
    permission: NETWORK_EXTRA_PERMISSIONS.standardManage,
    group: 'network',
  },
  // Learning module (issue 5): one 学习 group in the menu
  { path: '/learning/catalogue', labelKey: 'nav.learningCatalogue', icon: <ReadOutlined aria-hidden />, permission: 'learning.class.read', group: 'learning' },
  { path: '/learning/enrolment', labelKey: 'nav.learningEnrolment', icon: <UsergroupAddOutlined aria-hidden />, permission: 'learning.enrolment.read', group: 'learning' },
  { path: '/learning/lottery', labelKey: 'nav.learningLottery', icon: <ScheduleOutlined aria-hidden />, permission: 'learning.lottery.manage', group: 'learning' },
  { path: '/learning/attendance', labelKey: 'nav.learningAttendance', icon: <ScheduleOutlined aria-hidden />, permission: 'learning.attendance.take', group: 'learning' },
  { path: '/learning/surveys', labelKey: 'nav.learningSurveys', icon: <FormOutlined aria-hidden />, permission: 'learning.survey.read_results', group: 'learning' },
  { path: '/learning/online', labelKey: 'nav.learningOnline', icon: <ReadOutlined aria-hidden />, permission: 'learning.online.manage', group: 'learning' },
  { path: '/learning/stats', labelKey: 'nav.learningStats', icon: <LineChartOutlined aria-hidden />, permission: 'learning.stats.read', group: 'learning' },
  { path: '/learning/credit-rules', labelKey: 'nav.learningCreditRules', icon: <ProfileOutlined aria-hidden />, permission: 'learning.credit_rule.manage', group: 'learning' },
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
