import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { notFound } from '../../../core/http/errors.js';
import { actorContext } from '../../../core/http/request-context.js';
import { IdParams, ProblemRefs } from '../../../core/http/route-schemas.js';
import './i18n/messages.js';
import { applyForLottery, withdrawApplication } from './applications.js';
import { configureLottery } from './configure-lottery.js';
import { drawRecord } from './draw-record.js';
import { loadManagedClass } from './lottery-class.js';
import { myApplications, staffLottery } from './lottery-queries.js';
import { lotteryDb } from './lottery-schema.js';
import { ApplyResultSchema, DrawRecordSchema, DrawSummarySchema, LotteryConfigBody, MyApplicationSchema, StaffLotterySchema } from './lottery-schemas.js';
import { runDraw } from './run-draw.js';

const BASE = '/api/v1/learning';
const tags = ['learning'];
const EmptyBody = Type.Object({}, { additionalProperties: false });

/** Lottery classes: staff set up and draw, residents apply and withdraw, anyone reads and checks the draw. */
export const lotteryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = lotteryDb(core);

  app.get(`${BASE}/classes/:id/lottery`, {
    config: { access: 'learning.lottery.manage' },
    schema: { tags, summary: 'A class\'s lottery as staff see it: setup, applicants by priority group, result',
      params: IdParams, response: { 200: StaffLotterySchema, ...ProblemRefs(400, 401, 403, 404) } },
  }, async (request) => staffLottery(db, await loadManagedClass(db, actorContext(request).actor, request.params.id)));

  app.put(`${BASE}/classes/:id/lottery`, {
    config: { access: 'learning.lottery.manage' },
    schema: { tags, summary: 'Set up the lottery (commits the seed hash on the first call) or change its priority groups, before applications close',
      params: IdParams, body: LotteryConfigBody, response: { 200: StaffLotterySchema, ...ProblemRefs(400, 401, 403, 404, 409) } },
  }, async (request) => {
    const ctx = actorContext(request);
    await configureLottery(core, ctx, request.params.id, request.body.priorityGroups);
    return staffLottery(db, await loadManagedClass(db, ctx.actor, request.params.id));
  });

  app.post(`${BASE}/classes/:id/lottery/draw`, {
    config: { access: 'learning.lottery.manage' },
    schema: { tags, summary: 'Run the draw (once, after applications close): winners enrolled, the others waitlisted in draw order',
      params: IdParams, body: EmptyBody, response: { 200: DrawSummarySchema, ...ProblemRefs(400, 401, 403, 404, 409) } },
  }, async (request) => runDraw(core, actorContext(request), request.params.id));

  app.post(`${BASE}/classes/:id/applications`, {
    config: { access: 'learning.enrol.self' },
    schema: { tags, summary: 'Apply for a lottery class (one application per person; counts against the term limit)',
      params: IdParams, body: EmptyBody, response: { 201: ApplyResultSchema, ...ProblemRefs(400, 401, 403, 404, 409) } },
  }, async (request, reply) => reply.code(201).send(await applyForLottery(core, actorContext(request), request.params.id)));

  app.post(`${BASE}/applications/:id/withdraw`, {
    config: { access: 'learning.enrol.self' },
    schema: { tags, summary: 'Withdraw one\'s own lottery application before the draw', params: IdParams, body: EmptyBody,
      response: { 204: Type.Null(), ...ProblemRefs(400, 401, 403, 404, 409) } },
  }, async (request, reply) => {
    await withdrawApplication(core, actorContext(request), request.params.id);
    return reply.code(204).send(null);
  });

  app.get(`${BASE}/me/applications`, {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'The caller\'s own lottery applications',
      response: { 200: Type.Object({ items: Type.Array(MyApplicationSchema) }), ...ProblemRefs(401) } },
  }, async (request) => ({ items: await myApplications(db, actorContext(request).actor.userId) }));

  app.get(`${BASE}/classes/:id/draw`, {
    config: { access: 'public' },
    schema: { tags, summary: 'The public record of a class\'s lottery: seed hash, seed (after the draw), masked applicants, result',
      params: IdParams, response: { 200: DrawRecordSchema, ...ProblemRefs(400, 404) } },
  }, async (request) => {
    const record = await drawRecord(db, request.params.id);
    if (!record) throw notFound('learning.lottery.not_found');
    return record;
  });
};
