import { Alert } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate, type Location } from 'react-router';
import type { Me } from '../../api/types';
import { useT } from '../../i18n/useT';
import { CenteredLayout } from '../../layout/CenteredLayout';
import { FullPageSpin } from '../../ui/FullPageSpin';
import type { LoginResult } from '../AuthContext';
import { requiredStep } from '../steps';
import { useAuth } from '../useAuth';
import { MfaStep } from './MfaStep';
import { PasswordStep } from './PasswordStep';

function targetAfterLogin(me: Me, from: Location | undefined): string {
  const step = requiredStep(me);
  if (step) return step;
  if (from && from.pathname !== '/login') return `${from.pathname}${from.search}${from.hash}`;
  return '/';
}

export default function LoginPage() {
  const t = useT();
  const { status, me, expired } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: Location } | null)?.from;
  const [ticket, setTicket] = useState<string | null>(null);

  if (status === 'loading') return <FullPageSpin />;
  if (me && !ticket) return <Navigate to={targetAfterLogin(me, from)} replace />;

  const signedIn = (user: Me) => navigate(targetAfterLogin(user, from), { replace: true });
  const onResult = (result: LoginResult) => {
    if (result.kind === 'mfa') setTicket(result.ticket);
    else signedIn(result.me);
  };

  return (
    <CenteredLayout title={ticket ? t('login.mfaTitle') : t('login.title')}>
      {expired && !ticket ? (
        <Alert type="warning" showIcon title={t('login.sessionExpired')} style={{ marginBottom: 16 }} />
      ) : null}
      {ticket ? (
        <MfaStep ticket={ticket} onSignedIn={signedIn} onBack={() => setTicket(null)} />
      ) : (
        <PasswordStep onResult={onResult} />
      )}
    </CenteredLayout>
  );
}
