import type { CoreContext } from '../../context.js';
import type { RequestContext, Actor } from '../../access/actor.js';
import { appendAudit } from '../../audit/audit-log.js';
import { invalid, invalidField } from '../../http/errors.js';
import { hashPassword } from '../password-hash.js';
import { reauthenticate } from './reauthenticate.js';
import { checkPassword } from '../password-policy.js';
import { revokeUserSessions } from '../sessions.js';
import { passwordFieldErrors } from './password-errors.js';

/** Needs the current password; other sessions of the user end, the current one stays. */
export async function changeOwnPassword(core: CoreContext, ctx: RequestContext & { actor: Actor },
  currentPassword: string, newPassword: string) {
  const user = await reauthenticate(core, ctx, currentPassword, 'password.change', 'currentPassword');
  const now = core.clock.now();
  if (currentPassword === newPassword) throw invalidField('newPassword', 'password.same_as_old', 'same_as_old');
  const phone = user.phone_enc ? core.fieldCrypto.decrypt(user.phone_enc) : undefined;
  const idNumber = user.id_number_enc ? core.fieldCrypto.decrypt(user.id_number_enc) : undefined;
  const errors = passwordFieldErrors('newPassword', checkPassword(newPassword, { kind: user.kind, username: user.username, phone, idNumber }));
  if (errors.length > 0) throw invalid(errors);
  const passwordHash = await hashPassword(newPassword);
  await core.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({
      password_hash: passwordHash, password_changed_at: now.toISOString(), password_change_required: 0,
      updated_at: now.toISOString(),
    }).where('id', '=', user.id).execute();
    await revokeUserSessions(trx, user.id, ctx.actor.sessionIdHash);
    await appendAudit(trx, ctx, { action: 'auth.password.change', targetType: 'user', targetId: user.id }, now);
  });
}
