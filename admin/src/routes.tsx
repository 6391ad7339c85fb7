import { lazy } from 'react';
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

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireAuth />}>
        <Route path={SETUP_PASSWORD_PATH} element={<SetupPasswordPage />} />
        <Route path={SETUP_MFA_PATH} element={<SetupMfaPage />} />
        <Route element={<AppLayout />}>
          <Route index element={<DashboardPage />} />
          <Route
            path="users"
            element={
              <RequirePermission permission={PERMISSIONS.userRead}>
                <UsersPage />
              </RequirePermission>
            }
          />
          <Route
            path="portal-nav"
            element={
              <RequirePermission permission={PERMISSIONS.navUpdate}>
                <PortalNavPage />
              </RequirePermission>
            }
          />
          <Route
            path="audit"
            element={
              <RequirePermission permission={PERMISSIONS.auditRead}>
                <AuditPage />
              </RequirePermission>
            }
          />
          <Route
            path="settings"
            element={
              <RequirePermission permission={PERMISSIONS.settingsUpdate}>
                <SecuritySettingsPage />
              </RequirePermission>
            }
          />
          {/* Content module (issue 3) */}
          <Route
            path="content/items"
            element={
              <RequirePermission permission={PERMISSIONS.contentItemRead}>
                <ContentItemsPage />
              </RequirePermission>
            }
          />
          <Route
            path="content/items/new"
            element={
              <RequirePermission permission={PERMISSIONS.contentItemWrite}>
                <ContentItemEditorPage key="new" />
              </RequirePermission>
            }
          />
          <Route
            path="content/items/import"
            element={
              <RequirePermission permission={PERMISSIONS.contentItemWrite}>
                <ContentImportPage />
              </RequirePermission>
            }
          />
          <Route
            path="content/items/:id"
            element={
              <RequirePermission permission={PERMISSIONS.contentItemRead}>
                <ContentItemEditorPage key="edit" />
              </RequirePermission>
            }
          />
          <Route
            path="content/categories"
            element={
              <RequirePermission permission={PERMISSIONS.contentCategoryManage}>
                <ContentCategoriesPage />
              </RequirePermission>
            }
          />
          <Route
            path="content/jobs"
            element={
              <RequirePermission permission={PERMISSIONS.contentJobManage}>
                <ContentJobsPage />
              </RequirePermission>
            }
          />
          <Route
            path="content/dictionary"
            element={
              <RequirePermission permission={PERMISSIONS.contentDictionaryManage}>
                <ContentDictionaryPage />
              </RequirePermission>
            }
          />
          {/* Network module (issue 4) */}
          <Route
            path="network/institutions"
            element={
              <RequirePermission permission={PERMISSIONS.networkInstitutionRead}>
                <NetworkInstitutionsPage />
              </RequirePermission>
            }
          />
          <Route
            path="network/gaps"
            element={
              <RequirePermission permission={PERMISSIONS.networkStandardRead}>
                <NetworkGapMatrixPage />
              </RequirePermission>
            }
          />
          <Route
            path="network/people"
            element={
              <RequirePermission permission={PERMISSIONS.networkStaffRead}>
                <NetworkPeoplePage />
              </RequirePermission>
            }
          />
          <Route
            path="network/partners"
            element={
              <RequirePermission permission={PERMISSIONS.networkPartnerRead}>
                <NetworkPartnersPage />
              </RequirePermission>
            }
          />
          <Route
            path="network/standards"
            element={
              <RequirePermission permission={NETWORK_EXTRA_PERMISSIONS.standardManage}>
                <NetworkStandardsPage />
              </RequirePermission>
            }
          />
          <Route
            path="network/import"
            element={
              <RequirePermission permission={PERMISSIONS.networkStaffManage}>
                <NetworkImportPage />
              </RequirePermission>
            }
          />
          <Route
            path="learning/catalogue"
            element={
              <RequirePermission permission="learning.class.read">
                <LearningCataloguePage />
              </RequirePermission>
            }
          />
          <Route
            path="learning/enrolment"
            element={
              <RequirePermission permission="learning.enrolment.read">
                <LearningEnrolmentPage />
              </RequirePermission>
            }
          />
          <Route path="learning/lottery" element={<RequirePermission permission="learning.lottery.manage"><LearningLotteryPage /></RequirePermission>} />
          <Route path="learning/credit-rules" element={<RequirePermission permission="learning.credit_rule.manage"><LearningCreditRulesPage /></RequirePermission>} />
          <Route path="learning/surveys" element={<RequirePermission permission="learning.survey.read_results"><LearningSurveysPage /></RequirePermission>} />
          <Route path="learning/surveys/new" element={<RequirePermission permission="learning.survey.manage"><LearningSurveyEditorPage /></RequirePermission>} />
          <Route path="learning/surveys/:id/edit" element={<RequirePermission permission="learning.survey.manage"><LearningSurveyEditorPage /></RequirePermission>} />
          <Route path="learning/surveys/:id/results" element={<RequirePermission permission="learning.survey.read_results"><LearningSurveyResultsPage /></RequirePermission>} />
          <Route path="learning/attendance" element={<RequirePermission permission="learning.attendance.take"><LearningAttendancePage /></RequirePermission>} />
          <Route path="learning/stats" element={<RequirePermission permission="learning.stats.read"><LearningStatsPage /></RequirePermission>} />
          <Route path="learning/online" element={<RequirePermission permission="learning.online.manage"><LearningOnlineCoursesPage /></RequirePermission>} />
          <Route path="learning/online/:id" element={<RequirePermission permission="learning.online.manage"><LearningOnlineCourseEditorPage /></RequirePermission>} />
          <Route path="account" element={<AccountPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Route>
    </Routes>
  );
}
