import { createContext } from 'react';
import type { Me } from '../api/types';

export type AuthStatus = 'loading' | 'anonymous' | 'authenticated';

export type LoginResult = { kind: 'signedIn'; me: Me } | { kind: 'mfa'; ticket: string };

export interface AuthValue {
  status: AuthStatus;
  me: Me | null;
  /** True after the server ended the session (a 401 while signed in). */
  expired: boolean;
  /** True after the user signed out on purpose (the next sign-in starts from the home page). */
  signedOut: boolean;
  login: (username: string, password: string) => Promise<LoginResult>;
  loginMfa: (ticket: string, code: string) => Promise<Me>;
  logout: () => Promise<void>;
  /** Reloads the signed-in user (and CSRF token) from the server. */
  refresh: () => Promise<Me | null>;
  can: (permission: string) => boolean;
}

export const AuthContext = createContext<AuthValue | null>(null);
