import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { h } from '../../../../portal/jsx.js';
import { createPortalContext, portalAssetVersion } from '../../../../portal/portal-context.js';
import { NotFoundPage } from '../../../../portal/pages/text-page.js';
import { AppError } from '../../../../core/http/errors.js';
import { IdParams } from '../../../../core/http/route-schemas.js';
import { sendProblem, wantsHtml } from '../../../../core/http/problem.js';
import { t as coreT, type Locale } from '../../../../core/i18n/i18n.js';
import { formatZhDateTime } from '../../../../core/time.js';
import { surveyDb } from '../survey-schema.js';
import { openSurveys, surveyForm, type SurveyForm } from '../survey-resident.js';
import { submitResponse } from '../submit-response.js';
import type { AnswerInputT } from '../survey-schemas.js';
import { SurveyFormPage, SurveysPage, SurveyThanksPage, type FormValues } from './survey-pages.js';

const hide = { hide: true };
/** The form's fields: `q_<questionId>`, a string (radio, text) or a list (check boxes); `_csrf` is removed before this runs. */
const FormBody = Type.Record(
  Type.String({ pattern: '^q_[A-Za-z0-9-]{1,64}$' }),
  Type.Union([Type.String({ maxLength: 5000 }), Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 })]),
  { maxProperties: 200, additionalProperties: false },
);

/** Why the visitor cannot answer now, in their language (null: they can). */
function blockedReason(locale: Locale, form: SurveyForm, now: Date): string | null {
  const at = now.toISOString();
  if (form.status !== 'published') return coreT(locale, 'learning.survey.not_open');
  if (at < form.opensAt) return coreT(locale, 'learning.survey.not_yet_open', { at: formatZhDateTime(form.opensAt) });
  if (at >= form.closesAt) return coreT(locale, 'learning.survey.window_over', { at: formatZhDateTime(form.closesAt) });
  if (!form.eligible) {
    const region = form.villages.length > 0 ? `${form.regionName}${form.villages.map((v) => v.name).join('、')}` : form.regionName;
    return coreT(locale, 'learning.survey.outside_region', { region });
  }
  return null;
}

/** The posted form as API answers: every question of the survey, answered or left empty. */
function answersFrom(form: SurveyForm, body: FormValues): AnswerInputT[] {
  return form.questions.map((q) => {
    const value = body[`q_${q.id}`];
    if (q.kind === 'text') return { questionId: q.id, text: typeof value === 'string' ? value : (value ?? []).join('\n') };
    return { questionId: q.id, optionIds: ([] as string[]).concat(value ?? []).filter(Boolean) };
  });
}

/**
 * The portal's survey pages: `/surveys` (open surveys for the visitor's region), `/surveys/<id>` (the form, posted
 * back to the same address) and `/surveys/<id>/thanks`. Pages carry personal state, so they are never cached.
 */
export const surveyPortalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = surveyDb(core);
  const { pageContext, sendPage } = createPortalContext(app, portalAssetVersion());

  const notFoundPage = async (request: FastifyRequest, reply: FastifyReply) => (wantsHtml(request)
    ? sendPage(reply, <NotFoundPage ctx={await pageContext(request, reply)} />, 404)
    : sendProblem(request, reply, 404, 'learning.survey.not_found'));

  app.get('/surveys', { config: { access: 'public' }, schema: hide }, async (request, reply) => {
    const items = await openSurveys(db, request.actor, core.clock.now());
    return sendPage(reply, <SurveysPage ctx={await pageContext(request, reply)} items={items} />);
  });

  async function formPage(request: FastifyRequest, reply: FastifyReply, id: string,
    extra: { values?: FormValues; errors?: string[]; fieldErrors?: Record<string, string>; status?: number } = {}) {
    const now = core.clock.now();
    const form = await surveyForm(db, request.actor, id, now);
    if (!form) return notFoundPage(request, reply);
    const ctx = await pageContext(request, reply);
    return sendPage(reply, <SurveyFormPage ctx={ctx} form={form} values={extra.values} errors={extra.errors} fieldErrors={extra.fieldErrors}
      blocked={blockedReason(request.locale, form, now)} />, extra.status ?? 200);
  }

  app.get('/surveys/:id', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, params: IdParams } }, async (request, reply) => {
    if (request.validationError) return notFoundPage(request, reply);
    return formPage(request, reply, request.params.id);
  });

  app.post('/surveys/:id', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, params: IdParams, body: FormBody } }, async (request, reply) => {
    const params = request.params as { id?: string };
    if (!request.actor) return reply.redirect(`/login`, 303);
    const id = typeof params.id === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(params.id) ? params.id : null;
    if (!id) return notFoundPage(request, reply);
    const values = (request.body && typeof request.body === 'object' ? request.body : {}) as FormValues;
    if (request.validationError) return formPage(request, reply, id, { errors: [coreT(request.locale, 'request.invalid')], status: 400 });
    const form = await surveyForm(db, request.actor, id, core.clock.now());
    if (!form) return notFoundPage(request, reply);
    try {
      await submitResponse(core, request.actor.userId, id, answersFrom(form, values));
      return reply.redirect(`/surveys/${id}/thanks`, 303);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const fieldErrors: Record<string, string> = {};
      for (const fe of error.fieldErrors ?? []) fieldErrors[fe.field] ??= coreT(request.locale, fe.messageId, fe.params);
      const errors = error.fieldErrors?.length ? Object.values(fieldErrors) : [coreT(request.locale, error.messageId, error.params)];
      return formPage(request, reply, id, { values, errors, fieldErrors, status: error.status });
    }
  });

  app.get('/surveys/:id/thanks', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, params: IdParams } }, async (request, reply) => {
    if (request.validationError) return notFoundPage(request, reply);
    if (!request.actor) return reply.redirect('/login', 303);
    const form = await surveyForm(db, request.actor, request.params.id, core.clock.now());
    if (!form) return notFoundPage(request, reply);
    if (!form.answeredAt) return reply.redirect(`/surveys/${form.id}`, 303);
    return sendPage(reply, <SurveyThanksPage ctx={await pageContext(request, reply)} title={form.title} />);
  });
};
