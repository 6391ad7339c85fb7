import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { PERMISSIONS } from './core/auth/permissions';
import { RequireAuth } from './core/auth/RequireAuth';
import { RequirePermission } from './core/auth/RequirePermission';
import { SETUP_MFA_PATH, SETUP_PASSWORD_PATH } from './core/auth/steps';
import { AppLayout } from './core/layout/AppLayout';
import { NotFound } from './core/ui/NotFound';

const LoginPage = lazy(() => import('./core/auth/login/LoginPage'));
const DashboardPage = lazy(() => import('./modules/dashboard/DashboardPage'));
const UsersPage = lazy(() => import('./modules/users/UsersPage'));
const AuditPage = lazy(() => import('./modules/audit/AuditPage'));
const PortalNavPage = lazy(() => import('./modules/portalNav/PortalNavPage'));
const SecuritySettingsPage = lazy(() => import('./modules/settings/SecuritySettingsPage'));
const AccountPage = lazy(() => import('./modules/account/AccountPage'));
const SetupPasswordPage = lazy(() => import('./modules/account/SetupPasswordPage'));
const SetupMfaPage = lazy(() => import('./modules/account/SetupMfaPage'));

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
          <Route path="account" element={<AccountPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Route>
    </Routes>
  );
}
