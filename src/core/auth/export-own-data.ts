import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { actorContext } from '../http/request-context.js';
import { ProblemRefs } from '../http/route-schemas.js';
import { appendAudit } from '../audit/audit-log.js';
import { reauthenticate } from './commands/reauthenticate.js';
import { listUserSessions } from './sessions.js';

/**
 * A person downloads everything the platform holds about their account (PIPL art. 45). It asks for the
 * password again first, because the answer carries their unmasked personal data.
 */
export const exportOwnDataRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  app.post('/api/v1/auth/export', {
    config: { access: 'authenticated', revealsPersonalData: true },
    schema: {
      tags: ['auth'], summary: 'Export my own data (re-enter password)',
      body: Type.Object({ password: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({}, { additionalProperties: true }), ...ProblemRefs(400, 401, 403) },
    },
  }, async (request, reply) => {
    const ctx = actorContext(request);
    const user = await reauthenticate(core, ctx, request.body.password, 'self_export');
    const now = core.clock.now();
    const [sessions, activity] = await Promise.all([
      listUserSessions(core.db, user.id),
      core.db.selectFrom('audit_log').select(['at', 'action', 'outcome', 'ip'])
        .where((eb) => eb.or([eb('actor_id', '=', user.id), eb('target_id', '=', user.id)])).orderBy('seq').execute(),
    ]);
    await core.db.transaction().execute((trx) => appendAudit(trx, ctx, { action: 'user.self_export', targetType: 'user', targetId: user.id }, now));
    reply.header('content-disposition', `attachment; filename="learning-city-${user.username}.json"`);
    return {
      exportedAt: now.toISOString(),
      account: {
        username: user.username, displayName: user.display_name, kind: user.kind, realName: user.real_name,
        phone: user.phone_enc ? core.fieldCrypto.decrypt(user.phone_enc) : null,
        idNumber: user.id_number_enc ? core.fieldCrypto.decrypt(user.id_number_enc) : null,
        birthDate: user.birth_date, createdAt: user.created_at, lastLoginAt: user.last_login_at, twoStepLogin: user.mfa_enabled === 1,
      },
      roles: ctx.actor.grants.map((g) => ({ role: g.role, scopeType: g.scopeType, scopeId: g.scopeId })),
      sessions: sessions.map((s) => ({ createdAt: s.created_at, lastSeenAt: s.last_seen_at, ip: s.ip, userAgent: s.user_agent })),
      activity,
    };
  });
};
