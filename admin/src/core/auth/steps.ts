import type { Me } from '../api/types';

export const SETUP_PASSWORD_PATH = '/setup/password';
export const SETUP_MFA_PATH = '/setup/mfa';

/** The page a signed-in user must finish before anything else, if any. */
export function requiredStep(me: Me): string | null {
  if (me.passwordChangeRequired) return SETUP_PASSWORD_PATH;
  if (me.mfaSetupRequired) return SETUP_MFA_PATH;
  return null;
}
