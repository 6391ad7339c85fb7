import { lazy, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { PERMISSIONS } from './core/auth/permissions';
import { RequireAuth } from './core/auth/RequireAuth';
import { RequirePermission } from './core/auth/RequirePermission';
import { SETUP_MFA_PATH, SETUP_PASSWORD_PATH } from './core/auth/steps';
import { AppLayout } from './core/layout/AppLayout';
import { NotFound } from './core/ui/NotFound';
import { NETWORK_EXTRA_PERMISSIONS } from './modules/network/networkPermissions';

const LoginPage = lazy(() => import('./core/auth/login/LoginPage'));
const DashboardPage = lazy(() => import('./modules/dashboard/DashboardPage'));
const UsersPage = lazy(() => import('./modules/users/UsersPage'));
const AuditPage = lazy(() => import('./modules/audit/AuditPage'));
const PortalNavPage = lazy(() => import('./modules/portalNav/PortalNavPage'));
const SecuritySettingsPage = lazy(() => import('./modules/settings/SecuritySettingsPage'));
const AccountPage = lazy(() => import('./modules/account/AccountPage'));
const SetupPasswordPage = lazy(() => import('./modules/account/SetupPasswordPage'));
const SetupMfaPage = lazy(() => import('./modules/account/SetupMfaPage'));
// Content module (issue 3)
const ContentItemsPage = lazy(() => import('./modules/content/ItemsPage'));
const ContentItemEditorPage = lazy(() => import('./modules/content/ItemEditorPage'));
const ContentImportPage = lazy(() => import('./modules/content/ImportPage'));
const ContentCategoriesPage = lazy(() => import('./modules/content/CategoriesPage'));
const ContentJobsPage = lazy(() => import('./modules/content/JobsPage'));
const ContentDictionaryPage = lazy(() => import('./modules/content/DictionaryPage'));
// Network module (issue 4)
const NetworkInstitutionsPage = lazy(() => import('./modules/network/InstitutionsPage'));
const NetworkGapMatrixPage = lazy(() => import('./modules/network/GapMatrixPage'));
const NetworkPeoplePage = lazy(() => import('./modules/network/PeoplePage'));
const NetworkPartnersPage = lazy(() => import('./modules/network/PartnersPage'));
const NetworkStandardsPage = lazy(() => import('./modules/network/StandardsPage'));
const NetworkImportPage = lazy(() => import('./modules/network/ImportPage'));
// Learning module (issue 5): courses and classes
const LearningCataloguePage = lazy(() => import('./modules/learning/catalogue/CataloguePage'));
const LearningEnrolmentPage = lazy(() => import('./modules/learning/enrolment/EnrolmentPage'));
const LearningLotteryPage = lazy(() => import('./modules/learning/lottery/LotteryPage'));
const LearningCreditRulesPage = lazy(() => import('./modules/learning/credits/CreditRulesPage'));
const LearningAttendancePage = lazy(() => import('./modules/learning/attendance/AttendancePage'));
// Learning module (issue 5): learning-needs surveys
const LearningSurveysPage = lazy(() => import('./modules/learning/surveys/SurveysPage'));
const LearningSurveyEditorPage = lazy(() => import('./modules/learning/surveys/SurveyEditorPage'));
const LearningSurveyResultsPage = lazy(() => import('./modules/learning/surveys/SurveyResultsPage'));
// Learning module (issue 5): the learning dashboard
const LearningStatsPage = lazy(() => import('./modules/learning/dashboard/LearningStatsPage'));
// Learning module (issue 5): online courses
const LearningOnlineCoursesPage = lazy(() => import('./modules/learning/online/OnlineCoursesPage'));
const LearningOnlineCourseEditorPage = lazy(() => import('./modules/learning/online/OnlineCourseEditorPage'));

/** Pages shown only to holders of a permission (the API checks it again); the side menu lists the main ones. */
const GUARDED: readonly { path: string; permission: string; element: ReactNode }[] = [
  { path: 'users', permission: PERMISSIONS.userRead, element: <UsersPage /> },
  { path: 'portal-nav', permission: PERMISSIONS.navUpdate, element: <PortalNavPage /> },
  { path: 'audit', permission: PERMISSIONS.auditRead, element: <AuditPage /> },
  { path: 'settings', permission: PERMISSIONS.settingsUpdate, element: <SecuritySettingsPage /> },
  // Content module (issue 3)
  { path: 'content/items', permission: PERMISSIONS.contentItemRead, element: <ContentItemsPage /> },
  { path: 'content/items/new', permission: PERMISSIONS.contentItemWrite, element: <ContentItemEditorPage key="new" /> },
  { path: 'content/items/import', permission: PERMISSIONS.contentItemWrite, element: <ContentImportPage /> },
  { path: 'content/items/:id', permission: PERMISSIONS.contentItemRead, element: <ContentItemEditorPage key="edit" /> },
  { path: 'content/categories', permission: PERMISSIONS.contentCategoryManage, element: <ContentCategoriesPage /> },
  { path: 'content/jobs', permission: PERMISSIONS.contentJobManage, element: <ContentJobsPage /> },
  { path: 'content/dictionary', permission: PERMISSIONS.contentDictionaryManage, element: <ContentDictionaryPage /> },
  // Network module (issue 4)
  { path: 'network/institutions', permission: PERMISSIONS.networkInstitutionRead, element: <NetworkInstitutionsPage /> },
  { path: 'network/gaps', permission: PERMISSIONS.networkStandardRead, element: <NetworkGapMatrixPage /> },
  { path: 'network/people', permission: PERMISSIONS.networkStaffRead, element: <NetworkPeoplePage /> },
  { path: 'network/partners', permission: PERMISSIONS.networkPartnerRead, element: <NetworkPartnersPage /> },
  { path: 'network/standards', permission: NETWORK_EXTRA_PERMISSIONS.standardManage, element: <NetworkStandardsPage /> },
  { path: 'network/import', permission: PERMISSIONS.networkStaffManage, element: <NetworkImportPage /> },
  // Learning module (issue 5)
  { path: 'learning/catalogue', permission: 'learning.class.read', element: <LearningCataloguePage /> },
  { path: 'learning/enrolment', permission: 'learning.enrolment.read', element: <LearningEnrolmentPage /> },
  { path: 'learning/lottery', permission: 'learning.lottery.manage', element: <LearningLotteryPage /> },
  { path: 'learning/credit-rules', permission: 'learning.credit_rule.manage', element: <LearningCreditRulesPage /> },
  { path: 'learning/surveys', permission: 'learning.survey.read_results', element: <LearningSurveysPage /> },
  { path: 'learning/surveys/new', permission: 'learning.survey.manage', element: <LearningSurveyEditorPage /> },
  { path: 'learning/surveys/:id/edit', permission: 'learning.survey.manage', element: <LearningSurveyEditorPage /> },
  { path: 'learning/surveys/:id/results', permission: 'learning.survey.read_results', element: <LearningSurveyResultsPage /> },
  { path: 'learning/attendance', permission: 'learning.attendance.take', element: <LearningAttendancePage /> },
  { path: 'learning/stats', permission: 'learning.stats.read', element: <LearningStatsPage /> },
  { path: 'learning/online', permission: 'learning.online.manage', element: <LearningOnlineCoursesPage /> },
  { path: 'learning/online/:id', permission: 'learning.online.manage', element: <LearningOnlineCourseEditorPage /> },
];

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireAuth />}>
        <Route path={SETUP_PASSWORD_PATH} element={<SetupPasswordPage />} />
        <Route path={SETUP_MFA_PATH} element={<SetupMfaPage />} />
        <Route element={<AppLayout />}>
          <Route index element={<DashboardPage />} />
          {GUARDED.map(({ path, permission, element }) => (
            <Route key={path} path={path} element={<RequirePermission permission={permission}>{element}</RequirePermission>} />
          ))}
          <Route path="account" element={<AccountPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Route>
    </Routes>
  );
}
