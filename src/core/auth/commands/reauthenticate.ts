import type { CoreContext } from '../../context.js';
import type { RequestContext, Actor } from '../../access/actor.js';
import { appendAudit } from '../../audit/audit-log.js';
import { invalidField } from '../../http/errors.js';
import { addMs } from '../../time.js';
import { verifyPassword } from '../password-hash.js';
import { revokeUserSessions } from '../sessions.js';
import { SESSION_POLICY } from '../session-policy.js';
import { findUserById, type UserRow } from '../../users/user-repository.js';

/**
 * Re-entering the password inside a session (change password, export own data, turn off two-step login)
 * counts like a login attempt: a wrong one is audited, and five in a row lock the account and end all its
 * sessions, so a stolen session cannot be used to guess the password.
 */
export async function reauthenticate(core: CoreContext, ctx: RequestContext & { actor: Actor }, password: string,
  purpose: string, field = 'password'): Promise<UserRow> {
  const user = await findUserById(core.db, ctx.actor.userId);
  if (user && (await verifyPassword(user.password_hash, password))) {
    if (user.failed_logins > 0) await core.db.updateTable('users').set({ failed_logins: 0 }).where('id', '=', user.id).execute();
    return user;
  }
  const now = core.clock.now();
  if (user) {
    const failures = user.failed_logins + 1;
    const locks = failures >= SESSION_POLICY.maxFailedLogins;
    await core.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({
        failed_logins: locks ? 0 : failures,
        locked_until: locks ? addMs(now.toISOString(), SESSION_POLICY.lockoutMs) : user.locked_until,
      }).where('id', '=', user.id).execute();
      await appendAudit(trx, ctx, { action: 'auth.reauthenticate', outcome: 'failure', targetType: 'user', targetId: user.id, after: { purpose, failures } }, now);
      if (locks) {
        await revokeUserSessions(trx, user.id);
        await appendAudit(trx, ctx, { action: 'auth.lockout', targetType: 'user', targetId: user.id, after: { purpose } }, now);
      }
    });
  }
  throw invalidField(field, 'auth.current_password_wrong', 'wrong');
}
