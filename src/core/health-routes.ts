import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/healthz', {
    config: { access: 'public' },
    schema: {
      tags: ['system'], summary: 'Liveness and database reachability',
      response: { 200: Type.Object({ status: Type.Literal('ok'), db: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]) }) },
    },
  }, async () => {
    await sql`select 1`.execute(app.core.db);
    return { status: 'ok' as const, db: app.core.dialect };
  });
};
