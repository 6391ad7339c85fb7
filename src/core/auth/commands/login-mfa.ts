import type { CoreContext } from '../../context.js';
import type { RequestContext } from '../../access/actor.js';
import { recordAudit } from '../../audit/audit-log.js';
import { AppError } from '../../http/errors.js';
import { sha256 } from '../../ids.js';
import { matchTotpStep } from '../totp.js';
import { startSession } from './login.js';
import { findUserById } from '../../users/user-repository.js';
import { SESSION_POLICY } from '../session-policy.js';

/** Second step of a two-factor login: a fresh TOTP code (never one already used) turns the ticket into a session. */
export async function completeMfaLogin(core: CoreContext, ctx: RequestContext, ticket: string, code: string,
  meta: { userAgent: string | null }) {
  const now = core.clock.now();
  const idHash = sha256(ticket);
  const row = await core.db.selectFrom('login_tickets').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
  if (!row || row.expires_at < now.toISOString() || row.attempts >= SESSION_POLICY.mfaTicketAttempts) {
    if (row) await core.db.deleteFrom('login_tickets').where('id_hash', '=', idHash).execute();
    throw new AppError(401, 'auth.mfa_ticket_invalid');
  }
  const user = await findUserById(core.db, row.user_id);
  if (!user || user.status !== 'active' || !user.mfa_secret_enc) throw new AppError(401, 'auth.mfa_ticket_invalid');
  const step = matchTotpStep(core.fieldCrypto.decrypt(user.mfa_secret_enc), code, now);
  if (step === null || (user.mfa_last_step !== null && step <= user.mfa_last_step)) {
    await core.db.updateTable('login_tickets').set({ attempts: row.attempts + 1 }).where('id_hash', '=', idHash).execute();
    await recordAudit(core.db, ctx, {
      action: 'auth.login.mfa', outcome: 'failure', targetType: 'user', targetId: user.id,
      actorOverride: { id: user.id, name: user.username }, after: { reason: step === null ? 'wrong_code' : 'replayed_code' },
    }, now);
    throw new AppError(401, 'auth.mfa_invalid');
  }
  // Consuming the ticket and the step together makes a replayed code or ticket useless.
  const consumed = await core.db.deleteFrom('login_tickets').where('id_hash', '=', idHash).executeTakeFirst();
  if (Number(consumed.numDeletedRows) !== 1) throw new AppError(401, 'auth.mfa_ticket_invalid');
  await core.db.updateTable('users').set({ mfa_last_step: step }).where('id', '=', user.id).execute();
  const session = await startSession(core, ctx, user, now, meta, 'password+totp');
  return { userId: user.id, session };
}
