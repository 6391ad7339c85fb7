import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageSpin } from '../ui/FullPageSpin';
import { requiredStep } from './steps';
import { useAuth } from './useAuth';

/** Lets signed-in users through; sends everyone else to the login page and forces pending setup steps. */
export function RequireAuth() {
  const { status, me } = useAuth();
  const location = useLocation();

  if (status === 'loading') return <FullPageSpin />;
  if (!me) return <Navigate to="/login" replace state={{ from: location }} />;

  const step = requiredStep(me);
  if (step && location.pathname !== step) return <Navigate to={step} replace />;
  if (!step && location.pathname.startsWith('/setup/')) return <Navigate to="/" replace />;

  return <Outlet />;
}
