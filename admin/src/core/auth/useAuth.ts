import { useContext } from 'react';
import type { Me } from '../api/types';
import { AuthContext, type AuthValue } from './AuthContext';

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('AuthProvider is missing');
  return value;
}

/** The signed-in user; only for components rendered behind `RequireAuth`. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe() used outside an authenticated route');
  return me;
}
