import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { RETRY_AFTER_SECONDS } from './http/load-shedding.js';

const Db = Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]);

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/healthz', {
    config: { access: 'public' },
    schema: {
      tags: ['system'], summary: 'Liveness, database reachability and load: 503 while the process sheds load (a balancer should send traffic elsewhere)',
      response: {
        200: Type.Object({ status: Type.Literal('ok'), db: Db }),
        503: Type.Object({
          status: Type.Literal('overloaded'), db: Db,
          pressure: Type.Object({ eventLoopDelayMs: Type.Number(), eventLoopUtilization: Type.Number() }),
        }),
      },
    },
  }, async (_, reply) => {
    await sql`select 1`.execute(app.core.db);
    const load = app.loadState();
    if (!load.overloaded) return { status: 'ok' as const, db: app.core.dialect };
    const pressure = { eventLoopDelayMs: Math.round(load.eventLoopDelayMs), eventLoopUtilization: Math.round(load.eventLoopUtilization * 1000) / 1000 };
    return reply.code(503).header('retry-after', String(RETRY_AFTER_SECONDS)).send({ status: 'overloaded' as const, db: app.core.dialect, pressure });
  });
};
