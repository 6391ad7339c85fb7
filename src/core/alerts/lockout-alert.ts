import type { CoreContext } from '../context.js';
import type { RequestContext } from '../access/actor.js';
import { alertRaisedSince, countAuditSince, raiseSecurityAlert } from './raise-alert.js';

/**
 * Called after an account was locked: when the lockouts of all accounts within the window reach the threshold
 * (password spraying from many addresses, which the per-address limit does not see), one alert per window.
 * Counted from the audit log, so every app process and both lockout paths (login, re-authentication) count.
 */
export async function alertOnLockoutBurst(core: CoreContext, ctx: RequestContext) {
  const { lockoutCount, lockoutWindowMinutes } = core.config.alerts;
  const since = new Date(core.clock.now().getTime() - lockoutWindowMinutes * 60_000);
  const lockouts = await countAuditSince(core.db, 'auth.lockout', since);
  if (lockouts < lockoutCount || await alertRaisedSince(core.db, 'lockout_burst', null, since)) return;
  await raiseSecurityAlert(core, ctx, { kind: 'lockout_burst', details: { lockouts, windowMinutes: lockoutWindowMinutes } });
}
