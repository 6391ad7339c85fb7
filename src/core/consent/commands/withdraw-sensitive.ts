import type { Actor, RequestContext } from '../../access/actor.js';
import { appendAudit } from '../../audit/audit-log.js';
import type { CoreContext } from '../../context.js';
import { conflict } from '../../http/errors.js';
import { consentTrx } from '../consent-schema.js';
import '../i18n/messages.js';

/**
 * Withdrawal of the separate consent to the ID number (PIPL 15, 47): the consent is marked withdrawn and the
 * number (ciphertext and look-up hash) is erased in the same transaction, with an audit entry. The birth date
 * stays: it is ordinary personal information the person can change or clear in their profile, and class age
 * limits read it. 409 when there is no consent in force to withdraw.
 */
export async function withdrawSensitiveConsent(core: CoreContext, ctx: RequestContext & { actor: Actor }) {
  const userId = ctx.actor.userId;
  const now = core.clock.now();
  const at = now.toISOString();
  await core.db.transaction().execute(async (trx) => {
    const db = consentTrx(trx);
    const withdrawn = await db.updateTable('consents').set({ withdrawn_at: at })
      .where('user_id', '=', userId).where('purpose', '=', 'sensitive_pi').where('withdrawn_at', 'is', null)
      .returning(['notice_version']).execute();
    if (withdrawn.length === 0) throw conflict('consent.nothing_to_withdraw');
    const user = await trx.selectFrom('users').select(['id_number_enc']).where('id', '=', userId).executeTakeFirstOrThrow();
    await trx.updateTable('users').set({ id_number_enc: null, id_number_hash: null, updated_at: at }).where('id', '=', userId).execute();
    await appendAudit(trx, ctx, { action: 'consent.withdraw', targetType: 'user', targetId: userId,
      before: { purpose: 'sensitive_pi', idNumberStored: user.id_number_enc !== null },
      after: { purpose: 'sensitive_pi', idNumberStored: false, withdrawnAt: at } }, now);
  });
}
