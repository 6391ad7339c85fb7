import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { actorContext } from '../../../core/http/request-context.js';
import { IdParams, ProblemRefs } from '../../../core/http/route-schemas.js';
import { pageParams } from '../../../core/http/pagination.js';
import { notFound } from '../../../core/http/errors.js';
import { scopePathsFor } from '../../../core/access/scope.js';
import { institutionsDb } from './institutions-schema.js';
import { CreateInstitutionBody, InstitutionListQuery, InstitutionPage, InstitutionSchema, RetireInstitutionBody,
  UpdateInstitutionBody } from './institution-schemas.js';
import { findInstitution, listInstitutions, regionFilterPath } from './institution-repository.js';
import { presentInstitution } from './institution-presenter.js';
import { loadInScope } from './commands/load-in-scope.js';
import { createInstitution } from './commands/create-institution.js';
import { updateInstitution } from './commands/update-institution.js';
import { retireInstitution } from './commands/retire-institution.js';
import { deleteInstitution } from './commands/delete-institution.js';

/** The network's institution registry: lists filtered in SQL by the caller's scope; writes audited. */
export const institutionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = institutionsDb(core);
  const tags = ['network'];

  async function presentOne(id: string) {
    const row = await findInstitution(db, id);
    if (!row) throw notFound('network.institution.not_found');
    return presentInstitution(row);
  }

  app.get('/api/v1/network/institutions', {
    config: { access: 'network.institution.read' },
    schema: { tags, summary: 'Institutions in scope, by town, village, tier, kind and status', querystring: InstitutionListQuery,
      response: { 200: InstitutionPage, ...ProblemRefs(400, 401, 403) } },
  }, async (request) => {
    const { actor } = actorContext(request);
    const q = request.query;
    const paging = pageParams(q);
    const regionPath = await regionFilterPath(db, q.town, q.village);
    const { rows, total } = await listInstitutions(db, {
      scopePaths: scopePathsFor(actor, 'network.institution.read'), regionPath,
      tier: q.tier, kind: q.kind, status: q.status, q: q.q?.trim() || undefined,
    }, paging);
    return { items: rows.map(presentInstitution), total, page: paging.page, pageSize: paging.pageSize };
  });

  app.get('/api/v1/network/institutions/:id', {
    config: { access: 'network.institution.read' },
    schema: { tags, summary: 'One institution', params: IdParams, response: { 200: InstitutionSchema, ...ProblemRefs(401, 403, 404) } },
  }, async (request) => {
    await loadInScope(db, actorContext(request).actor, 'network.institution.read', request.params.id);
    return presentOne(request.params.id);
  });

  app.post('/api/v1/network/institutions', {
    config: { access: 'network.institution.create' },
    schema: { tags, summary: 'Record an institution', body: CreateInstitutionBody, response: { 201: InstitutionSchema, ...ProblemRefs(400, 401, 403, 409) } },
  }, async (request, reply) => {
    const id = await createInstitution(core, actorContext(request), request.body);
    return reply.code(201).send(await presentOne(id));
  });

  app.patch('/api/v1/network/institutions/:id', {
    config: { access: 'network.institution.update' },
    schema: { tags, summary: 'Edit an institution (send the version you read; 409 when stale)', params: IdParams, body: UpdateInstitutionBody,
      response: { 200: InstitutionSchema, ...ProblemRefs(400, 401, 403, 404, 409) } },
  }, async (request) => {
    await updateInstitution(core, actorContext(request), request.params.id, request.body);
    return presentOne(request.params.id);
  });

  app.post('/api/v1/network/institutions/:id/retire', {
    config: { access: 'network.institution.retire' },
    schema: { tags, summary: 'Retire an institution (kept in history)', params: IdParams, body: RetireInstitutionBody,
      response: { 200: InstitutionSchema, ...ProblemRefs(400, 401, 403, 404, 409) } },
  }, async (request) => {
    await retireInstitution(core, actorContext(request), request.params.id, request.body.version);
    return presentOne(request.params.id);
  });

  app.delete('/api/v1/network/institutions/:id', {
    config: { access: 'network.institution.retire' },
    schema: { tags, summary: 'Delete an institution recorded by mistake (refused while anything depends on it)', params: IdParams,
      response: { 204: Type.Null(), ...ProblemRefs(401, 403, 404, 409) } },
  }, async (request, reply) => {
    await deleteInstitution(core, actorContext(request), request.params.id);
    return reply.code(204).send(null);
  });
};
