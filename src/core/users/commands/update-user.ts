import type { CoreContext } from '../../context.js';
import type { RequestContext, Actor } from '../../access/actor.js';
import { appendAudit } from '../../audit/audit-log.js';
import { forbidden, invalidField } from '../../http/errors.js';
import { loadVisibleUser } from '../user-loader.js';
import { userAbilities } from '../user-policy.js';
import { MOBILE_PATTERN, normalizePhone } from '../user-fields.js';
import { protectIdNumber } from '../personal-id.js';

export interface UpdateUserInput { displayName?: string; phone?: string | null; idNumber?: string | null }

export async function updateUser(core: CoreContext, ctx: RequestContext & { actor: Actor }, id: string, input: UpdateUserInput) {
  const phone = input.phone ? normalizePhone(input.phone) : input.phone;
  if (phone && !MOBILE_PATTERN.test(phone)) throw invalidField('phone', 'user.phone_format', 'format');
  const now = core.clock.now();
  await core.db.transaction().execute(async (trx) => {
    const { row, grants } = await loadVisibleUser(trx, ctx.actor, id);
    if (!userAbilities(ctx.actor, { ...row, grants }).update) throw forbidden();
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const changes: Record<string, string | null> = {};
    if (input.displayName !== undefined && input.displayName.trim() !== row.display_name) {
      before.displayName = row.display_name;
      after.displayName = changes.display_name = input.displayName.trim();
    }
    if (phone !== undefined) {
      const oldPhone = row.phone_enc ? core.fieldCrypto.decrypt(row.phone_enc) : null;
      if (phone !== oldPhone) {
        before.phone = oldPhone;
        after.phone = phone;
        changes.phone_enc = phone ? core.fieldCrypto.encrypt(phone) : null;
        changes.phone_hash = phone ? core.fieldCrypto.lookupHash(phone) : null;
      }
    }
    if (input.idNumber !== undefined) {
      const next = await protectIdNumber(trx, core.fieldCrypto, input.idNumber, 'idNumber', id, now);
      const old = row.id_number_enc ? core.fieldCrypto.decrypt(row.id_number_enc) : null;
      if (next.plain !== old) {
        before.idNumber = old;
        after.idNumber = next.plain;
        changes.id_number_enc = next.id_number_enc;
        changes.id_number_hash = next.id_number_hash;
        changes.birth_date = next.birth_date;
      }
    }
    if (Object.keys(changes).length === 0) return;
    await trx.updateTable('users').set({ ...changes, updated_at: now.toISOString() }).where('id', '=', id).execute();
    await appendAudit(trx, ctx, { action: 'user.update', targetType: 'user', targetId: id, before, after }, now);
  });
}
