import type { CoreContext } from '../../context.js';
import type { RequestContext, Actor } from '../../access/actor.js';
import { appendAudit } from '../../audit/audit-log.js';
import { forbidden } from '../../http/errors.js';
import { loadVisibleUser } from '../user-loader.js';
import { userAbilities } from '../user-policy.js';

export type RevealableField = 'phone' | 'idNumber';

/** Shows one personal field unmasked to someone allowed to see it; the viewing itself is audited. */
export async function revealPersonalField(core: CoreContext, ctx: RequestContext & { actor: Actor }, id: string, field: RevealableField) {
  const now = core.clock.now();
  return core.db.transaction().execute(async (trx) => {
    const { row, grants } = await loadVisibleUser(trx, ctx.actor, id);
    if (!userAbilities(ctx.actor, { ...row, grants }).reveal) throw forbidden();
    const encrypted = field === 'phone' ? row.phone_enc : row.id_number_enc;
    const value = encrypted ? core.fieldCrypto.decrypt(encrypted) : null;
    await appendAudit(trx, ctx, { action: 'user.pii.reveal', targetType: 'user', targetId: id, after: { field } }, now);
    return { value };
  });
}
