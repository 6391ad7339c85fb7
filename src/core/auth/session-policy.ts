/** Session and lockout numbers; docs/security-decisions.md explains each choice. */
export const SESSION_POLICY = {
  idleMs: { staff: 30 * 60_000, resident: 30 * 60_000 },
  absoluteMs: 12 * 60 * 60_000,
  /** last_seen is written at most this often, so reads do not all become writes. */
  touchEveryMs: 60_000,
  maxFailedLogins: 5,
  /** Failed logins from one address, over all accounts, before it must wait (password spraying, lockout abuse). */
  maxFailedLoginsPerIp: 20,
  ipWindowMs: 15 * 60_000,
  lockoutMs: 30 * 60_000,
  mfaTicketMs: 5 * 60_000,
  mfaTicketAttempts: 5,
  staffPasswordMaxAgeMs: 90 * 24 * 60 * 60_000,
} as const;

export function sessionCookieName(secure: boolean): string {
  // __Host- binds the cookie to this exact origin over HTTPS (no Domain, Path=/).
  return secure ? '__Host-lc_session' : 'lc_session';
}
