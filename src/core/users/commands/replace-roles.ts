import type { CoreContext } from '../../context.js';
import type { RequestContext, Actor } from '../../access/actor.js';
import { newId } from '../../ids.js';
import { appendAudit } from '../../audit/audit-log.js';
import { forbidden, invalidField } from '../../http/errors.js';
import { revokeUserSessions } from '../../auth/sessions.js';
import { loadVisibleUser } from '../user-loader.js';
import { userAbilities } from '../user-policy.js';
import { checkGrants, type RequestedGrant } from '../role-grants.js';

/** Replaces a staff user's roles; the user's sessions end so the next request reads the new grants. */
export async function replaceRoles(core: CoreContext, ctx: RequestContext & { actor: Actor }, id: string, roles: RequestedGrant[]) {
  if (roles.length === 0) throw invalidField('roles', 'user.no_roles', 'required');
  const now = core.clock.now();
  const at = now.toISOString();
  await core.db.transaction().execute(async (trx) => {
    const { row, grants } = await loadVisibleUser(trx, ctx.actor, id);
    if (!userAbilities(ctx.actor, { ...row, grants }).assignRoles) throw forbidden();
    const checked = await checkGrants(trx, ctx.actor, roles);
    await trx.deleteFrom('role_assignments').where('user_id', '=', id).execute();
    for (const g of checked) {
      await trx.insertInto('role_assignments').values({
        id: newId(), user_id: id, role: g.role, scope_type: g.scope.type, scope_id: g.scope.id,
        scope_path: g.scope.path, created_at: at,
      }).execute();
    }
    await trx.updateTable('users').set({ updated_at: at, kind: 'staff' }).where('id', '=', id).execute();
    await revokeUserSessions(trx, id);
    await appendAudit(trx, ctx, {
      action: 'user.roles.replace', targetType: 'user', targetId: id,
      before: { roles: grants.map((g) => `${g.role}@${g.scopeType}:${g.scopeId}`) },
      after: { roles: checked.map((g) => `${g.role}@${g.scope.type}:${g.scope.id}`) },
    }, now);
  });
}
