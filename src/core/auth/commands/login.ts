import type { CoreContext } from '../../context.js';
import type { RequestContext } from '../../access/actor.js';
import { appendAudit, recordAudit } from '../../audit/audit-log.js';
import { AppError, unauthorized } from '../../http/errors.js';
import { newToken, sha256 } from '../../ids.js';
import { addMs, isoWithShanghaiOffset } from '../../time.js';
import { maskPhone } from '../../pii/mask.js';
import { burnVerifyTime, verifyPassword } from '../password-hash.js';
import { createSession, loadGrants, type NewSession } from '../sessions.js';
import { SESSION_POLICY } from '../session-policy.js';
import { findUserByLogin, type UserRow } from '../../users/user-repository.js';
import { MOBILE_PATTERN, normalizePhone, normalizeUsername } from '../../users/user-fields.js';
import { alertOnLockoutBurst } from '../../alerts/lockout-alert.js';
import { alertOnOffHoursLogin } from '../../alerts/off-hours-alert.js';

export type LoginResult =
  | { kind: 'session'; userId: string; session: NewSession }
  | { kind: 'mfa'; ticket: string };

/** What the audit log names for an attempt on no known account: a phone number is masked. */
function attemptedName(login: string): string {
  return MOBILE_PATTERN.test(login) ? maskPhone(login)! : login.slice(0, 64);
}

/**
 * Password login. A wrong password, an unknown user, a disabled and a locked account all get the same
 * 401 after the same amount of hashing work; five failures lock the account for 30 minutes.
 */
export async function loginWithPassword(core: CoreContext, ctx: RequestContext, login: string, password: string,
  meta: { userAgent: string | null }): Promise<LoginResult> {
  await refuseBusyAddress(core, ctx);
  const username = normalizeUsername(login);
  const phone = normalizePhone(login);
  const user = await findUserByLogin(core.db, username, MOBILE_PATTERN.test(phone) ? core.fieldCrypto.lookupHash(phone) : null);
  const now = core.clock.now();
  const nowIso = now.toISOString();

  const refuse = async (reason: string, target: UserRow | undefined) => {
    await recordAudit(core.db, ctx, {
      action: 'auth.login', outcome: 'failure', targetType: 'user', targetId: target?.id ?? null,
      actorOverride: { id: target?.id ?? null, name: target?.username ?? attemptedName(login) }, after: { reason },
    }, now);
    return unauthorized('auth.invalid_credentials');
  };

  if (!user) {
    await burnVerifyTime(password);
    throw await refuse('unknown_user', undefined);
  }
  if (user.status !== 'active') {
    await burnVerifyTime(password);
    throw await refuse('disabled', user);
  }
  if (user.locked_until && user.locked_until > nowIso) {
    await burnVerifyTime(password);
    throw await refuse('locked', user);
  }
  if (!(await verifyPassword(user.password_hash, password))) {
    const failures = user.failed_logins + 1;
    const locks = failures >= SESSION_POLICY.maxFailedLogins;
    await core.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({
        failed_logins: locks ? 0 : failures,
        locked_until: locks ? addMs(nowIso, SESSION_POLICY.lockoutMs) : user.locked_until,
      }).where('id', '=', user.id).execute();
      const actorOverride = { id: user.id, name: user.username };
      await appendAudit(trx, ctx, { action: 'auth.login', outcome: 'failure', targetType: 'user', targetId: user.id,
        actorOverride, after: { reason: 'wrong_password', failures } }, now);
      if (locks) {
        await appendAudit(trx, ctx, { action: 'auth.lockout', targetType: 'user', targetId: user.id, actorOverride,
          after: { lockedUntil: addMs(nowIso, SESSION_POLICY.lockoutMs) } }, now);
      }
    });
    if (locks) await alertOnLockoutBurst(core, ctx);
    throw unauthorized('auth.invalid_credentials');
  }

  if (user.mfa_enabled === 1) {
    // The second factor comes before any session exists: the ticket only lets the code be checked.
    const ticket = newToken();
    await core.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ failed_logins: 0 }).where('id', '=', user.id).execute();
      await trx.insertInto('login_tickets').values({
        id_hash: sha256(ticket), user_id: user.id, purpose: 'mfa',
        expires_at: addMs(nowIso, SESSION_POLICY.mfaTicketMs), attempts: 0,
      }).execute();
    });
    return { kind: 'mfa', ticket };
  }
  const session = await startSession(core, ctx, user, now, meta, 'password');
  return { kind: 'session', userId: user.id, session };
}

/**
 * Too many failed logins from one address in the window (over any accounts) → 429 until it passes. Counted
 * from the audit log, so every app process behind a load balancer sees the same number.
 */
async function refuseBusyAddress(core: CoreContext, ctx: RequestContext) {
  if (!ctx.ip) return;
  const since = isoWithShanghaiOffset(new Date(core.clock.now().getTime() - SESSION_POLICY.ipWindowMs));
  const { n } = await core.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ip', '=', ctx.ip).where('at', '>=', since).where('action', '=', 'auth.login').where('outcome', '=', 'failure')
    .executeTakeFirstOrThrow();
  if (Number(n) >= SESSION_POLICY.maxFailedLoginsPerIp) throw new AppError(429, 'request.rate_limited');
}

/** Opens a fresh session (a new id every login) and records the successful login. */
export async function startSession(core: CoreContext, ctx: RequestContext, user: UserRow, now: Date,
  meta: { userAgent: string | null }, method: 'password' | 'password+totp') {
  const session = await core.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null, last_login_at: now.toISOString() })
      .where('id', '=', user.id).execute();
    const session = await createSession(trx, user, now, { ip: ctx.ip, userAgent: meta.userAgent });
    await appendAudit(trx, ctx, {
      action: 'auth.login', targetType: 'user', targetId: user.id,
      actorOverride: { id: user.id, name: user.username, grants: await loadGrants(trx, user.id) }, after: { method },
    }, now);
    return session;
  });
  await alertOnOffHoursLogin(core, ctx, user, now);
  return session;
}
