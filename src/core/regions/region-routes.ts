import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ProblemRefs } from '../http/route-schemas.js';
import { AppError } from '../http/errors.js';
import { listInstitutions, listRegions, resolveScope } from './region-repository.js';

const RegionSchema = Type.Object({
  id: Type.String(), name: Type.String(),
  level: Type.Union([Type.Literal('city'), Type.Literal('town'), Type.Literal('village')]),
  parentId: Type.Union([Type.String(), Type.Null()]),
  population: Type.Union([Type.Integer(), Type.Null()]),
});

/** The administrative tree is public information; institutions here are the minimal set the network module extends. */
export const regionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  app.get('/api/v1/regions', {
    config: { access: 'public' },
    schema: { tags: ['regions'], summary: 'City, towns and villages', response: { 200: Type.Object({ items: Type.Array(RegionSchema) }) } },
  }, async () => ({
    items: (await listRegions(core.db)).map((r) => ({ id: r.id, name: r.name, level: r.level, parentId: r.parent_id, population: r.population })),
  }));

  app.get('/api/v1/institutions', {
    config: { access: 'public' },
    schema: {
      tags: ['regions'], summary: 'Institutions, optionally under one region',
      querystring: Type.Object({ regionId: Type.Optional(Type.String({ pattern: '^\\d{12}$' })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), regionId: Type.String(), kind: Type.String() })) }), ...ProblemRefs(400) },
    },
  }, async (request) => {
    let path: string | undefined;
    if (request.query.regionId) {
      const scope = await resolveScope(core.db, 'region', request.query.regionId) ?? await resolveScope(core.db, 'city', request.query.regionId);
      if (!scope) throw new AppError(400, 'user.scope_unknown');
      path = scope.path;
    }
    return { items: (await listInstitutions(core.db, path)).map((i) => ({ id: i.id, name: i.name, regionId: i.region_id, kind: i.kind })) };
  });
};
