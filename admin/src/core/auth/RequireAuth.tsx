import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageSpin } from '../ui/FullPageSpin';
import { requiredStep } from './steps';
import { useAuth } from './useAuth';

/** Lets signed-in users through; sends everyone else to the login page and forces pending setup steps. */
export function RequireAuth() {
  const { status, me, signedOut } = useAuth();
  const location = useLocation();

  if (status === 'loading') return <FullPageSpin />;
  // After an expired session or a deep link, come back here after signing in; after signing out, start afresh.
  if (!me) return <Navigate to="/login" replace state={signedOut ? null : { from: location }} />;

  const step = requiredStep(me);
  if (step && location.pathname !== step) return <Navigate to={step} replace />;
  if (!step && location.pathname.startsWith('/setup/')) return <Navigate to="/" replace />;

  return <Outlet />;
}
