import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../api/ApiError';
import { setCsrfToken, setUnauthorizedHandler } from '../api/client';
import type { Me, SessionResponse } from '../api/types';
import { AuthContext, type AuthStatus, type AuthValue, type LoginResult } from './AuthContext';
import { fetchMe, postLogin, postLoginMfa, postLogout } from './authApi';

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthStatus>('loading');
  const [me, setMe] = useState<Me | null>(null);
  const [expired, setExpired] = useState(false);
  const [signedOut, setSignedOut] = useState(false);

  const accept = useCallback((session: SessionResponse): Me => {
    setCsrfToken(session.csrfToken);
    setMe(session.user);
    setStatus('authenticated');
    setExpired(false);
    setSignedOut(false);
    return session.user;
  }, []);

  const clear = useCallback(() => {
    setCsrfToken(null);
    setMe(null);
    setStatus('anonymous');
  }, []);

  const refresh = useCallback(async (): Promise<Me | null> => {
    try {
      return accept(await fetchMe());
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        clear();
        return null;
      }
      throw error;
    }
  }, [accept, clear]);

  useEffect(() => {
    refresh().catch(() => clear());
  }, [refresh, clear]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setExpired(true);
      clear();
    });
    return () => setUnauthorizedHandler(null);
  }, [clear]);

  const login = useCallback(
    async (username: string, password: string): Promise<LoginResult> => {
      const answer = await postLogin(username, password);
      if ('mfaRequired' in answer && answer.mfaRequired) return { kind: 'mfa', ticket: answer.ticket };
      return { kind: 'signedIn', me: accept(answer as SessionResponse) };
    },
    [accept],
  );

  const loginMfa = useCallback(
    async (ticket: string, code: string) => accept(await postLoginMfa(ticket, code)),
    [accept],
  );

  const logout = useCallback(async () => {
    try {
      await postLogout();
    } catch {
      // The session ends in the UI whatever the server answered.
    } finally {
      setExpired(false);
      setSignedOut(true);
      clear();
    }
  }, [clear]);

  const can = useCallback((permission: string) => !!me?.permissions.includes(permission), [me]);

  const value = useMemo<AuthValue>(
    () => ({ status, me, expired, signedOut, login, loginMfa, logout, refresh, can }),
    [status, me, expired, signedOut, login, loginMfa, logout, refresh, can],
  );

  return <AuthContext value={value}>{children}</AuthContext>;
}
