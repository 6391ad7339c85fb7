import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { h } from '../../../../portal/jsx.js';
import { Layout } from '../../../../portal/layout.js';
import { createPortalContext, portalAssetVersion } from '../../../../portal/portal-context.js';
import { NotFoundPage } from '../../../../portal/pages/text-page.js';
import { AppError } from '../../../../core/http/errors.js';
import { sendProblem, wantsHtml } from '../../../../core/http/problem.js';
import { t as coreT } from '../../../../core/i18n/i18n.js';
import { actorContext } from '../../../../core/http/request-context.js';
import { registerClassPageSection } from '../../catalogue/class-page-sections.js';
import { applyForLottery, withdrawApplication } from '../applications.js';
import { drawRecord } from '../draw-record.js';
import { lotteryDb } from '../lottery-schema.js';
import { DrawPage } from './draw-page.js';
import { renderLotteryPanel } from './lottery-panel.js';
import { VERIFY_SCRIPT } from './verify-script.js';

const hide = { hide: true };
const Params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' }) });
const ActionParams = Type.Object({ id: Params.properties.id, action: Type.Union([Type.Literal('apply'), Type.Literal('withdraw')]) });
const EmptyForm = Type.Object({}, { additionalProperties: false });

/** The resident's side of a lottery on the portal: the class page block, its forms, and the public draw page. */
export const lotteryPortalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = lotteryDb(core);
  const { pageContext, sendPage, sendPublicPage } = createPortalContext(app, portalAssetVersion());

  registerClassPageSection(core, { id: 'lottery', order: 11, render: (cls, visitor) => renderLotteryPanel(db, cls, visitor, core.clock.now().toISOString()) });

  app.get('/assets/lottery-verify.js', { config: { access: 'public' }, schema: hide }, async (_, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=86400').send(VERIFY_SCRIPT));

  app.get('/classes/:id/draw', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, params: Params } }, async (request, reply) => {
    const record = request.validationError ? undefined : await drawRecord(db, request.params.id);
    if (!record) {
      return wantsHtml(request) ? sendPage(reply, <NotFoundPage ctx={await pageContext(request, reply)} />, 404) : sendProblem(request, reply, 404, 'request.not_found');
    }
    // The stamp moves with every application, withdrawal and the draw, so a cached page is never behind the list.
    const stamp = await db.selectFrom('learning_lottery_applications').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('at')])
      .where('class_id', '=', record.classId).executeTakeFirstOrThrow();
    return sendPublicPage(request, reply, async (ctx) => <DrawPage ctx={ctx} record={(await drawRecord(db, record.classId)) ?? record} />,
      { stamp: `${record.drawnAt ?? ''}|${stamp.n}|${stamp.at ?? ''}` });
  });

  async function errorPage(request: FastifyRequest, reply: FastifyReply, classId: string, error: unknown) {
    if (!(error instanceof AppError)) throw error;
    const ctx = await pageContext(request, reply);
    const message = coreT(request.locale, error.messageId, error.params);
    const title = coreT(request.locale, 'learning.lottery.panel.title');
    return sendPage(reply, <Layout ctx={ctx} title={title}>
      <section class="panel"><h1>{title}</h1><p class="alert" role="alert">{message}</p>
        <p><a href={`/classes/${classId}`}>{coreT(request.locale, 'learning.lottery.panel.back')}</a></p></section>
    </Layout>, error.status);
  }

  app.post('/classes/:id/lottery/:action', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, params: ActionParams, body: Type.Optional(EmptyForm) } }, async (request, reply) => {
    if (!request.actor) return reply.redirect('/login', 303);
    const classId = String((request.params as { id?: unknown }).id ?? '');
    try {
      if (request.validationError) throw new AppError(400, 'request.invalid');
      if (!request.actor.permissions.has('learning.enrol.self')) throw new AppError(403, 'auth.forbidden');
      const ctx = actorContext(request);
      if (request.params.action === 'apply') {
        await applyForLottery(core, ctx, request.params.id);
      } else {
        const mine = await db.selectFrom('learning_lottery_applications').select('id').where('class_id', '=', request.params.id)
          .where('user_id', '=', ctx.actor.userId).executeTakeFirst();
        if (!mine) throw new AppError(404, 'learning.lottery.application_not_found');
        await withdrawApplication(core, ctx, mine.id);
      }
      return reply.redirect(`/classes/${request.params.id}`, 303);
    } catch (error) {
      return errorPage(request, reply, /^[A-Za-z0-9-]{1,64}$/.test(classId) ? classId : '', error);
    }
  });
};
