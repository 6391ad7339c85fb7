import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { scopePathsFor } from '../../../core/access/scope.js';
import { AppError } from '../../../core/http/errors.js';
import { pageOf, pageParams } from '../../../core/http/pagination.js';
import { actorContext } from '../../../core/http/request-context.js';
import { IdParams, ProblemRefs } from '../../../core/http/route-schemas.js';
import { scopeNames } from '../../../core/regions/region-repository.js';
import { contentDb } from '../content-schema.js';
import { diffRevisions } from '../workflow/revision-diff.js';
import { createItem } from './commands/create-item.js';
import { saveItem } from './commands/save-item.js';
import { loadVisibleItem } from './item-loader.js';
import { presentItem } from './item-presenter.js';
import { findRevision, listItems, listRevisions } from './item-repository.js';
import {
  CreateItemBody, DiffQuery, DiffResponse, ItemDetailSchema, ItemListQuery, ItemSummarySchema, RevisionListResponse, UpdateItemBody,
} from './item-schemas.js';

/** Articles and official documents in the back office: list in scope, create, read, save, revisions, diff. */
export const itemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = contentDb(core);
  const tags = ['content'];

  async function present(request: Parameters<typeof actorContext>[0], id: string) {
    const { actor } = actorContext(request);
    return presentItem(db, actor, await loadVisibleItem(db, actor, id));
  }

  app.get('/api/v1/content/items', {
    config: { access: 'content.item.read' },
    schema: { tags, summary: 'Items in the caller\'s scope', querystring: ItemListQuery, response: { 200: pageOf(ItemSummarySchema), ...ProblemRefs(400, 401, 403) } },
  }, async (request) => {
    const { actor } = actorContext(request);
    const page = pageParams(request.query);
    const { rows, total } = await listItems(db, { ...request.query, scopePaths: scopePathsFor(actor, 'content.item.read') }, page);
    const names = await scopeNames(core.db, rows.map((r) => r.owner_scope_id));
    return {
      items: rows.map((r) => ({
        id: r.id, categoryId: r.category_id, categoryName: r.category_name, kind: r.kind, title: r.title, status: r.status,
        pendingStatus: r.pending_status ?? null,
        ownerScope: { type: r.owner_scope_type, id: r.owner_scope_id, name: names.get(r.owner_scope_id) ?? r.owner_scope_id },
        revision: Number(r.pending_revision ?? r.revision), docNumber: r.doc_number ?? null, indexNumber: r.index_number ?? null,
        publishAt: r.publish_at, publishedAt: r.published_at, createdByName: r.created_by_name ?? '', updatedAt: r.updated_at,
      })),
      total, page: page.page, pageSize: page.pageSize,
    };
  });

  app.post('/api/v1/content/items', {
    config: { access: 'content.item.write' },
    schema: { tags, summary: 'Create a draft (拟稿)', body: CreateItemBody, response: { 201: ItemDetailSchema, ...ProblemRefs(400, 401, 403, 409) } },
  }, async (request, reply) => {
    const id = await createItem(core, actorContext(request), request.body);
    return reply.code(201).send(await present(request, id));
  });

  app.get('/api/v1/content/items/:id', {
    config: { access: 'content.item.read' },
    schema: { tags, summary: 'One item with 公文 fields, attachments, history and the caller\'s abilities', params: IdParams, response: { 200: ItemDetailSchema, ...ProblemRefs(401, 403, 404) } },
  }, async (request) => present(request, request.params.id));

  app.patch('/api/v1/content/items/:id', {
    config: { access: 'content.item.write' },
    schema: { tags, summary: 'Save: a new revision (a published item keeps its public version until the edit is published)', params: IdParams, body: UpdateItemBody, response: { 200: ItemDetailSchema, ...ProblemRefs(400, 401, 403, 404, 409) } },
  }, async (request) => {
    await saveItem(core, actorContext(request), request.params.id, request.body);
    return present(request, request.params.id);
  });

  app.get('/api/v1/content/items/:id/revisions', {
    config: { access: 'content.item.read' },
    schema: { tags, summary: 'Revisions, newest first', params: IdParams, response: { 200: RevisionListResponse, ...ProblemRefs(401, 403, 404) } },
  }, async (request) => {
    const { item } = await loadVisibleItem(db, actorContext(request).actor, request.params.id);
    const publicRevision = item.status === 'published' ? Number(item.revision) : null;
    return {
      items: (await listRevisions(db, item.id)).map((r) => ({
        revision: Number(r.revision), title: r.title, authorId: r.author_id, authorName: r.author_name, note: r.note,
        createdAt: r.created_at, published: Number(r.revision) === publicRevision,
      })),
    };
  });

  app.get('/api/v1/content/items/:id/diff', {
    config: { access: 'content.item.read' },
    schema: { tags, summary: 'What changed between two revisions', params: IdParams, querystring: DiffQuery, response: { 200: DiffResponse, ...ProblemRefs(400, 401, 403, 404) } },
  }, async (request) => {
    const { item } = await loadVisibleItem(db, actorContext(request).actor, request.params.id);
    const [from, to] = await Promise.all([findRevision(db, item.id, request.query.from), findRevision(db, item.id, request.query.to)]);
    if (!from) throw new AppError(404, 'content.item.revision_not_found', { revision: request.query.from });
    if (!to) throw new AppError(404, 'content.item.revision_not_found', { revision: request.query.to });
    return diffRevisions(from, to);
  });
};
