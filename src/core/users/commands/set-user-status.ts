import type { CoreContext } from '../../context.js';
import type { RequestContext, Actor } from '../../access/actor.js';
import { appendAudit } from '../../audit/audit-log.js';
import { forbidden } from '../../http/errors.js';
import { revokeUserSessions } from '../../auth/sessions.js';
import { loadVisibleUser } from '../user-loader.js';
import { userAbilities } from '../user-policy.js';

/** Disables (ending every session at once) or re-enables an account. */
export async function setUserStatus(core: CoreContext, ctx: RequestContext & { actor: Actor }, id: string, status: 'active' | 'disabled') {
  const now = core.clock.now();
  await core.db.transaction().execute(async (trx) => {
    const { row, grants } = await loadVisibleUser(trx, ctx.actor, id);
    const abilities = userAbilities(ctx.actor, { ...row, grants });
    if (!(status === 'disabled' ? abilities.disable : abilities.enable)) {
      if (row.status === status && abilities.update && row.id !== ctx.actor.userId) return;
      throw forbidden(row.id === ctx.actor.userId ? 'user.cannot_change_self' : 'auth.forbidden');
    }
    await trx.updateTable('users').set({ status, updated_at: now.toISOString(), failed_logins: 0, locked_until: null })
      .where('id', '=', id).execute();
    if (status === 'disabled') await revokeUserSessions(trx, id);
    await appendAudit(trx, ctx, {
      action: status === 'disabled' ? 'user.disable' : 'user.enable', targetType: 'user', targetId: id,
      before: { status: row.status }, after: { status },
    }, now);
  });
}
