import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { actorContext } from '../http/request-context.js';
import { ProblemRefs } from '../http/route-schemas.js';
import { exportOwnData } from './commands/export-own-data.js';

/** A person downloads everything the platform holds about their account (re-entering the password). */
export const exportOwnDataRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/api/v1/auth/export', {
    config: { access: 'authenticated', revealsPersonalData: true },
    schema: {
      tags: ['auth'], summary: 'Export my own data (re-enter password)',
      body: Type.Object({ password: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({}, { additionalProperties: true }), ...ProblemRefs(400, 401, 403) },
    },
  }, async (request, reply) => {
    const { fileName, data } = await exportOwnData(app.core, actorContext(request), request.body.password);
    reply.header('content-disposition', `attachment; filename="${fileName}"`);
    return data;
  });
};
