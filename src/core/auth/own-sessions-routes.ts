import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { actorContext } from '../http/request-context.js';
import { ProblemRefs } from '../http/route-schemas.js';
import { notFound } from '../http/errors.js';
import { appendAudit } from '../audit/audit-log.js';
import { listUserSessions } from './sessions.js';

const SessionSchema = Type.Object({
  id: Type.String({ description: 'a public handle of the session (not its secret token)' }),
  current: Type.Boolean(),
  createdAt: Type.String(),
  lastSeenAt: Type.String(),
  ip: Type.Union([Type.String(), Type.Null()]),
  userAgent: Type.Union([Type.String(), Type.Null()]),
});

/** The handle shown for a session: a prefix of the stored hash, enough to pick one, useless to log in with. */
const handleOf = (idHash: string) => idHash.slice(0, 24);

/** A user sees where they are logged in and ends sessions they do not recognise (ASVS 7.5.2). */
export const ownSessionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  app.get('/api/v1/auth/sessions', {
    config: { access: 'authenticated', allowDuringSetup: true },
    schema: { tags: ['auth'], summary: 'My active sessions', response: { 200: Type.Object({ items: Type.Array(SessionSchema) }), ...ProblemRefs(401) } },
  }, async (request) => {
    const { actor } = actorContext(request);
    const rows = await listUserSessions(core.db, actor.userId);
    return {
      items: rows.map((r) => ({ id: handleOf(r.id_hash), current: r.id_hash === actor.sessionIdHash, createdAt: r.created_at, lastSeenAt: r.last_seen_at, ip: r.ip, userAgent: r.user_agent })),
    };
  });

  app.delete('/api/v1/auth/sessions/:id', {
    config: { access: 'authenticated', allowDuringSetup: true },
    schema: {
      tags: ['auth'], summary: 'End one of my sessions',
      params: Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{24}$' }) }, { additionalProperties: false }),
      response: { 204: Type.Null(), ...ProblemRefs(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const ctx = actorContext(request);
    const now = core.clock.now();
    await core.db.transaction().execute(async (trx) => {
      const target = (await trx.selectFrom('sessions').select('id_hash').where('user_id', '=', ctx.actor.userId).execute())
        .find((s) => handleOf(s.id_hash) === request.params.id);
      if (!target) throw notFound();
      await trx.deleteFrom('sessions').where('id_hash', '=', target.id_hash).execute();
      await appendAudit(trx, ctx, { action: 'auth.session.end', targetType: 'user', targetId: ctx.actor.userId }, now);
    });
    return reply.code(204).send(null);
  });
};
