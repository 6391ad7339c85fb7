import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { scopePathsFor } from '../../../core/access/scope.js';
import { actorContext } from '../../../core/http/request-context.js';
import { ProblemRefs } from '../../../core/http/route-schemas.js';
import { shanghaiDate } from '../standards/gap-rules.js';
import { networkDashboard, type DashboardDb } from './dashboard-stats.js';
import { NetworkDashboardSchema } from './dashboard-schemas.js';

/** The network dashboard's figures, for the caller's scope (a town admin their town, the city and inspectors all). */
export const dashboardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;

  app.get('/api/v1/network/dashboard', {
    config: { access: 'network.institution.read' },
    schema: {
      tags: ['network'], summary: 'Institutions by tier, kind and town, staff per 1,000 residents, accreditation, the gap summary',
      response: { 200: NetworkDashboardSchema, ...ProblemRefs(401, 403) },
    },
  }, async (request) => {
    const { actor } = actorContext(request);
    return networkDashboard(core.db as unknown as DashboardDb, scopePathsFor(actor, 'network.institution.read'), shanghaiDate(core.clock.now()));
  });
};
