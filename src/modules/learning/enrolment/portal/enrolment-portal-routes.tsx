import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { h } from '../../../../portal/jsx.js';
import { createPortalContext, portalAssetVersion } from '../../../../portal/portal-context.js';
import { loginHref } from '../../../../portal/login-back.js';
import { AppError } from '../../../../core/http/errors.js';
import { t as coreT } from '../../../../core/i18n/i18n.js';
import { actorContext } from '../../../../core/http/request-context.js';
import { registerClassPageSection } from '../../catalogue/class-page-sections.js';
import { enrol } from '../enrol.js';
import { cancelEnrolment, confirmOffer } from '../enrolment-changes.js';
import { myEnrolments } from '../enrolment-queries.js';
import { enrolmentDb } from '../enrolment-schema.js';
import { AccountClassesPage } from './account-classes-page.js';
import { renderEnrolPanel } from './enrol-panel.js';

const hide = { hide: true };
const Params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' }) });
const ActionParams = Type.Object({ id: Params.properties.id, action: Type.Union([Type.Literal('confirm'), Type.Literal('decline'), Type.Literal('cancel')]) });
const EmptyForm = Type.Object({}, { additionalProperties: false });
const DoneQuery = Type.Object({ done: Type.Optional(Type.Union([Type.Literal('enrolled'), Type.Literal('waitlisted'), Type.Literal('saved')])),
  position: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })) }, { additionalProperties: false });

/** The resident's side on the portal: the enrol form on class pages and `/account/classes` (forms post back, 303 on success). */
export const enrolmentPortalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = enrolmentDb(core);
  const { pageContext, sendPage } = createPortalContext(app, portalAssetVersion());

  registerClassPageSection(core, { id: 'enrolment', order: 10, render: (cls, visitor) => renderEnrolPanel(db, cls, visitor, core.clock.now().toISOString()) });

  async function classesPage(request: FastifyRequest, reply: FastifyReply, extra: { errors?: string[]; notice?: string; status?: number } = {}) {
    const ctx = await pageContext(request, reply);
    const items = await myEnrolments(db, request.actor!.userId);
    return sendPage(reply, <AccountClassesPage ctx={ctx} items={items} errors={extra.errors} notice={extra.notice} />, extra.status ?? 200);
  }

  function reason(request: FastifyRequest, error: unknown): { status: number; message: string } {
    if (!(error instanceof AppError)) throw error;
    const fe = error.fieldErrors?.[0];
    return { status: error.status, message: fe ? coreT(request.locale, fe.messageId, fe.params) : coreT(request.locale, error.messageId, error.params) };
  }

  app.get('/account/classes', { config: { access: 'public' }, schema: { ...hide, querystring: DoneQuery } }, async (request, reply) => {
    if (!request.actor) return reply.redirect(loginHref('/account/classes'), 303);
    const q = request.query;
    const notice = q.done === 'enrolled' ? coreT(request.locale, 'learning.enrol.done.enrolled')
      : q.done === 'waitlisted' ? coreT(request.locale, 'learning.enrol.done.waitlisted', { position: q.position ?? 1 })
        : q.done === 'saved' ? coreT(request.locale, 'learning.account.classes.saved') : undefined;
    return classesPage(request, reply, { notice });
  });

  app.post('/classes/:id/enrol', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, params: Params, body: Type.Optional(EmptyForm) } }, async (request, reply) => {
    if (!request.actor) return reply.redirect('/login', 303);
    if (request.validationError) return classesPage(request, reply, { errors: [coreT(request.locale, 'request.invalid')], status: 400 });
    try {
      if (!request.actor.permissions.has('learning.enrol.self')) throw new AppError(403, 'auth.forbidden');
      const ctx = actorContext(request);
      const r = await enrol(core, ctx, { classId: request.params.id, userId: ctx.actor.userId, source: 'online', actedBy: null, consent: null, audited: false });
      return reply.redirect(r.status === 'enrolled' ? '/account/classes?done=enrolled' : `/account/classes?done=waitlisted&position=${r.waitlistPosition ?? 1}`, 303);
    } catch (error) {
      const { status, message } = reason(request, error);
      return classesPage(request, reply, { errors: [message], status });
    }
  });

  app.post('/account/classes/:id/:action', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, params: ActionParams, body: Type.Optional(EmptyForm) } }, async (request, reply) => {
    if (!request.actor) return reply.redirect('/login', 303);
    if (request.validationError) return classesPage(request, reply, { errors: [coreT(request.locale, 'request.invalid')], status: 400 });
    try {
      const ctx = actorContext(request);
      const { id, action } = request.params;
      if (action === 'confirm') await confirmOffer(core, ctx, id);
      else await cancelEnrolment(core, ctx, id, action === 'decline' ? 'decline' : 'cancel');
      return reply.redirect('/account/classes?done=saved', 303);
    } catch (error) {
      const { status, message } = reason(request, error);
      return classesPage(request, reply, { errors: [message], status });
    }
  });
};
