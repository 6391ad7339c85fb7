import type { CoreContext } from '../../context.js';
import type { RequestContext, Actor } from '../../access/actor.js';
import { appendAudit } from '../../audit/audit-log.js';
import { listUserSessions } from '../sessions.js';
import { reauthenticate } from './reauthenticate.js';
import { collectOwnData } from '../own-data-sections.js';

/**
 * Everything the platform holds about the caller's account (PIPL art. 45), after the password is entered
 * again, because the answer carries their unmasked personal data. The export itself is audited.
 */
export async function exportOwnData(core: CoreContext, ctx: RequestContext & { actor: Actor }, password: string) {
  const user = await reauthenticate(core, ctx, password, 'self_export');
  const now = core.clock.now();
  const [sessions, activity, modules] = await Promise.all([
    listUserSessions(core.db, user.id),
    core.db.selectFrom('audit_log').select(['at', 'action', 'outcome', 'ip'])
      .where((eb) => eb.or([eb('actor_id', '=', user.id), eb('target_id', '=', user.id)])).orderBy('seq').execute(),
    collectOwnData(core, user.id),
  ]);
  await core.db.transaction().execute((trx) => appendAudit(trx, ctx, { action: 'user.self_export', targetType: 'user', targetId: user.id }, now));
  return {
    fileName: `learning-city-${user.username}.json`,
    data: {
      exportedAt: now.toISOString(),
      account: {
        username: user.username, displayName: user.display_name, kind: user.kind, realName: user.real_name,
        phone: user.phone_enc ? core.fieldCrypto.decrypt(user.phone_enc) : null,
        idNumber: user.id_number_enc ? core.fieldCrypto.decrypt(user.id_number_enc) : null,
        birthDate: user.birth_date, createdAt: user.created_at, lastLoginAt: user.last_login_at, twoStepLogin: user.mfa_enabled === 1,
      },
      roles: ctx.actor.grants.map((g) => ({ role: g.role, scopeType: g.scopeType, scopeId: g.scopeId, scopeName: g.scopeName })),
      sessions: sessions.map((s) => ({ createdAt: s.created_at, lastSeenAt: s.last_seen_at, ip: s.ip, userAgent: s.user_agent })),
      activity,
      ...modules,
    },
  };
}
