import { api } from '../api/client';
import type { MfaChallenge, SessionResponse } from '../api/types';

export function fetchMe(signal?: AbortSignal): Promise<SessionResponse> {
  return api.get<SessionResponse>('/auth/me', { signal, sessionGuard: false });
}

export function postLogin(username: string, password: string): Promise<SessionResponse | MfaChallenge> {
  return api.post('/auth/login', { username, password }, { sessionGuard: false });
}

export function postLoginMfa(ticket: string, code: string): Promise<SessionResponse> {
  return api.post('/auth/login/mfa', { ticket, code }, { sessionGuard: false });
}

export function postLogout(): Promise<void> {
  return api.post('/auth/logout', {}, { sessionGuard: false });
}
