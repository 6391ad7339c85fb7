import type { CoreContext } from '../../context.js';
import type { RequestContext, Actor } from '../../access/actor.js';
import { appendAudit } from '../../audit/audit-log.js';
import { AppError, invalidField } from '../../http/errors.js';
import { matchTotpStep, newTotpSecret, totpUri } from '../totp.js';
import { reauthenticate } from './reauthenticate.js';
import { findUserById } from '../../users/user-repository.js';
import { mfaRequiredFor } from '../sessions.js';

/** Starts TOTP enrolment: a new secret, kept encrypted and inactive until a code proves the app has it. */
export async function beginMfaSetup(core: CoreContext, actor: Actor) {
  const secret = newTotpSecret();
  await core.db.updateTable('users').set({ mfa_secret_enc: core.fieldCrypto.encrypt(secret), mfa_enabled: 0 })
    .where('id', '=', actor.userId).where('mfa_enabled', '=', 0).execute();
  const user = await findUserById(core.db, actor.userId);
  if (!user || user.mfa_enabled === 1) throw new AppError(409, 'request.conflict_unique', { field: 'mfa' });
  return { secret, otpauthUrl: totpUri(secret, user.username) };
}

export async function enableMfa(core: CoreContext, ctx: RequestContext & { actor: Actor }, code: string) {
  const now = core.clock.now();
  const user = await findUserById(core.db, ctx.actor.userId);
  if (!user?.mfa_secret_enc) throw new AppError(400, 'auth.mfa_not_enabled');
  const step = matchTotpStep(core.fieldCrypto.decrypt(user.mfa_secret_enc), code, now);
  if (step === null) throw invalidField('code', 'auth.mfa_invalid', 'wrong');
  await core.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ mfa_enabled: 1, mfa_last_step: step }).where('id', '=', user.id).execute();
    await appendAudit(trx, ctx, { action: 'auth.mfa.enable', targetType: 'user', targetId: user.id }, now);
  });
}

export async function disableMfa(core: CoreContext, ctx: RequestContext & { actor: Actor }, password: string) {
  const now = core.clock.now();
  const user = await findUserById(core.db, ctx.actor.userId);
  if (!user || user.mfa_enabled !== 1) throw new AppError(400, 'auth.mfa_not_enabled');
  if (await mfaRequiredFor(core.db, ctx.actor.grants.map((g) => g.role))) throw new AppError(403, 'auth.mfa_required_by_role');
  await reauthenticate(core, ctx, password, 'mfa.disable');
  await core.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ mfa_enabled: 0, mfa_secret_enc: null, mfa_last_step: null }).where('id', '=', user.id).execute();
    await appendAudit(trx, ctx, { action: 'auth.mfa.disable', targetType: 'user', targetId: user.id }, now);
  });
}
