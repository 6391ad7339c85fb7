import type { CoreContext } from '../../context.js';
import type { RequestContext, Actor } from '../../access/actor.js';
import { appendAudit } from '../../audit/audit-log.js';
import { forbidden } from '../../http/errors.js';
import { hashPassword } from '../../auth/password-hash.js';
import { revokeUserSessions } from '../../auth/sessions.js';
import { loadVisibleUser } from '../user-loader.js';
import { userAbilities } from '../user-policy.js';
import { generateOneTimePassword } from '../user-fields.js';

/** Gives the user a one-time password (shown once to the admin), unlocks the account and ends its sessions. */
export async function resetPassword(core: CoreContext, ctx: RequestContext & { actor: Actor }, id: string) {
  const temporaryPassword = generateOneTimePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const now = core.clock.now();
  await core.db.transaction().execute(async (trx) => {
    const { row, grants } = await loadVisibleUser(trx, ctx.actor, id);
    if (!userAbilities(ctx.actor, { ...row, grants }).resetPassword) throw forbidden();
    await trx.updateTable('users').set({
      password_hash: passwordHash, password_changed_at: now.toISOString(), password_change_required: 1,
      failed_logins: 0, locked_until: null, updated_at: now.toISOString(),
    }).where('id', '=', id).execute();
    await revokeUserSessions(trx, id);
    await appendAudit(trx, ctx, { action: 'user.password.reset', targetType: 'user', targetId: id }, now);
  });
  return { temporaryPassword };
}
