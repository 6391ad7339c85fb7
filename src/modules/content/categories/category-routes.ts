import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorContext } from '../../../core/http/request-context.js';
import { IdParams, ProblemRefs } from '../../../core/http/route-schemas.js';
import { notFound } from '../../../core/http/errors.js';
import { contentDb } from '../content-schema.js';
import { CategorySchema, CategoryTreeResponse, CreateCategoryBody, UpdateCategoryBody } from './category-schemas.js';
import { listCategoriesWithCounts } from './category-repository.js';
import { inTreeOrder, presentCategory } from './category-presenter.js';
import { createCategory, deleteCategory, updateCategory } from './category-commands.js';
import { Type } from '@sinclair/typebox';

/** The category tree (栏目) of the back office: everyone who reads items sees it, the city admin edits it. */
export const categoryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const tags = ['content'];

  async function presentOne(id: string) {
    const row = (await listCategoriesWithCounts(contentDb(core))).find((c) => c.id === id);
    if (!row) throw notFound('content.category.not_found');
    return presentCategory(row);
  }

  app.get('/api/v1/content/categories', {
    config: { access: 'content.item.read' },
    schema: { tags, summary: 'The category tree as a flat list in tree order', response: { 200: CategoryTreeResponse, ...ProblemRefs(401, 403) } },
  }, async () => ({ items: inTreeOrder((await listCategoriesWithCounts(contentDb(core))).map(presentCategory)) }));

  app.post('/api/v1/content/categories', {
    config: { access: 'content.category.manage' },
    schema: { tags, summary: 'Create a category', body: CreateCategoryBody, response: { 201: CategorySchema, ...ProblemRefs(400, 401, 403, 409) } },
  }, async (request, reply) => {
    const id = await createCategory(core, actorContext(request), request.body);
    return reply.code(201).send(await presentOne(id));
  });

  app.patch('/api/v1/content/categories/:id', {
    config: { access: 'content.category.manage' },
    schema: { tags, summary: 'Edit or move a category', params: IdParams, body: UpdateCategoryBody, response: { 200: CategorySchema, ...ProblemRefs(400, 401, 403, 404, 409) } },
  }, async (request) => {
    await updateCategory(core, actorContext(request), request.params.id, request.body);
    return presentOne(request.params.id);
  });

  app.delete('/api/v1/content/categories/:id', {
    config: { access: 'content.category.manage' },
    schema: { tags, summary: 'Delete an empty category (refused while it has items or children)', params: IdParams, response: { 204: Type.Null(), ...ProblemRefs(401, 403, 404, 409) } },
  }, async (request, reply) => {
    await deleteCategory(core, actorContext(request), request.params.id);
    return reply.code(204).send(null);
  });
};
