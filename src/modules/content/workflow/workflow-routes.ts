import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorContext } from '../../../core/http/request-context.js';
import { IdParams, ProblemRefs } from '../../../core/http/route-schemas.js';
import { contentDb } from '../content-schema.js';
import { loadVisibleItem } from '../items/item-loader.js';
import { presentItem } from '../items/item-presenter.js';
import { ItemDetailSchema, PublishBody, RejectBody, StepBody } from '../items/item-schemas.js';
import { archiveItem, publishItem, rejectItem, reviewItem, signItem, submitItem, withdrawItem } from './workflow-commands.js';

/**
 * The editorial workflow: 送审 → 审核 (per level) → 签发 → 发布 (now or scheduled), 退回, 撤回, 归档.
 * Route access is the role's permission; the scope and separation-of-duty rules are in workflow-policy.ts.
 * Every step answers with the item as GET /items/:id shows it.
 */
export const workflowRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = contentDb(core);
  const tags = ['content'];
  const answer = async (request: Parameters<typeof actorContext>[0], id: string) => {
    const { actor } = actorContext(request);
    return presentItem(db, actor, await loadVisibleItem(db, actor, id));
  };
  const problems = ProblemRefs(400, 401, 403, 404, 409);

  const steps = [
    ['submit', 'content.item.write', 'Submit the draft for review (送审)', submitItem],
    ['review', 'content.item.review', 'Approve the next review level (审核)', reviewItem],
    ['sign', 'content.item.sign', 'Sign off (签发)', signItem],
    ['withdraw', 'content.item.publish', 'Withdraw a published item, or cancel a scheduled publication (撤回)', withdrawItem],
    ['archive', 'content.item.publish', 'Archive (归档)', archiveItem],
  ] as const;
  for (const [path, access, summary, command] of steps) {
    app.post(`/api/v1/content/items/:id/${path}`, {
      config: { access },
      schema: { tags, summary, params: IdParams, body: StepBody, response: { 200: ItemDetailSchema, ...problems } },
    }, async (request) => {
      await command(core, actorContext(request), request.params.id, request.body?.comment);
      return answer(request, request.params.id);
    });
  }

  // Reviewers reject what they review, signers what awaits their signature: the route admits everyone who
  // reads items, and the rule (workflow-policy.ts) checks which of the two the caller is for this item.
  app.post('/api/v1/content/items/:id/reject', {
    config: { access: 'content.item.read' },
    schema: { tags, summary: 'Send back to draft with a comment (退回)', params: IdParams, body: RejectBody, response: { 200: ItemDetailSchema, ...problems } },
  }, async (request) => {
    await rejectItem(core, actorContext(request), request.params.id, request.body.comment);
    return answer(request, request.params.id);
  });

  app.post('/api/v1/content/items/:id/publish', {
    config: { access: 'content.item.publish' },
    schema: { tags, summary: 'Publish now, or at publishAt (future only; 发布/定时发布)', params: IdParams, body: PublishBody, response: { 200: ItemDetailSchema, ...problems } },
  }, async (request) => {
    await publishItem(core, actorContext(request), request.params.id, request.body?.publishAt, request.body?.comment);
    return answer(request, request.params.id);
  });
};
