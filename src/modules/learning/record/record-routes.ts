import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorContext } from '../../../core/http/request-context.js';
import { ProblemRefs } from '../../../core/http/route-schemas.js';
import './i18n/messages.js';
import './own-data.js';
import './account-link.js';
import { learningRecord } from './record-queries.js';
import { RecordSchema } from './record-schemas.js';

/** The caller's own lifelong learning record; nobody else's is reachable through it (there is no user id to pass). */
export const recordRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  app.get('/api/v1/learning/me/record', {
    config: { access: 'authenticated' },
    schema: { tags: ['learning'], summary: 'My lifelong learning record: classes, online courses, certificates, credits, awards, timeline', response: { 200: RecordSchema, ...ProblemRefs(401) } },
  }, async (request, reply) => {
    reply.header('Cache-Control', 'private, no-store');
    return learningRecord(core, actorContext(request).actor.userId);
  });
};
