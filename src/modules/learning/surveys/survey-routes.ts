import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Actor } from '../../../core/access/actor.js';
import type { CoreContext } from '../../../core/context.js';
import { actorContext } from '../../../core/http/request-context.js';
import { IdParams, ProblemRefs } from '../../../core/http/route-schemas.js';
import { notFound } from '../../../core/http/errors.js';
import { pageOf } from '../../../core/http/pagination.js';
import { sendXlsx } from '../../../core/xlsx/xlsx-reply.js';
import './i18n/messages.js';
import { surveyDb } from './survey-schema.js';
import { SURVEY_MANAGE, SURVEY_RESULTS } from './survey-permissions.js';
import { findVisibleSurvey, listSurveys, questionCounts, respondentCounts, surveyQuestions, surveyVillages } from './survey-repository.js';
import { presentQuestion, presentSurveySummary } from './survey-presenter.js';
import { changeSurveyStatus, createSurvey, deleteSurvey, updateSurvey } from './survey-commands.js';
import { submitResponse } from './submit-response.js';
import { surveyResults } from './survey-results.js';
import { surveyWorkbook } from './survey-export.js';
import { openSurveys, surveyForm } from './survey-resident.js';
import {
  CreateSurveyBody, ListSurveysQuery, OpenSurveySchema, ResultsSchema, SubmitBody, SubmittedSchema, SurveyDetailSchema,
  SurveyFormSchema, SurveySummarySchema, UpdateSurveyBody, VersionBody,
} from './survey-schemas.js';

async function surveyDetail(core: CoreContext, actor: Actor, id: string) {
  const db = surveyDb(core);
  const row = await findVisibleSurvey(db, actor, id);
  if (!row) throw notFound('learning.survey.not_found');
  const [villages, questions, respondents] = await Promise.all([surveyVillages(db, [id]), surveyQuestions(db, id), respondentCounts(db, actor, [id])]);
  return {
    ...presentSurveySummary(actor, row, villages, questions.length, respondents.get(id) ?? 0, core.clock.now()),
    createdAt: row.created_at, publishedAt: row.published_at, closedAt: row.closed_at,
    questions: questions.map(presentQuestion),
  };
}

/** A file name from the survey title (no characters that file systems refuse). */
function exportName(title: string): string {
  return `${title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 60)}-结果.xlsx`;
}

/**
 * Learning-needs surveys: staff write and publish them and read results in their scope; anyone signed in who
 * lives in a survey's region answers it once.
 */
export const surveyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = surveyDb(core);
  const tags = ['learning'];
  const base = '/api/v1/learning/surveys';

  app.get(base, {
    config: { access: SURVEY_RESULTS },
    schema: { tags, summary: 'Surveys the caller sees: aimed inside their scope or at a region containing it', querystring: ListSurveysQuery, response: { 200: pageOf(SurveySummarySchema), ...ProblemRefs(400, 401, 403) } },
  }, async (request) => {
    const { actor } = actorContext(request);
    const page = await listSurveys(db, actor, request.query);
    const ids = page.items.map((s) => s.id);
    const [villages, questions, respondents] = await Promise.all([surveyVillages(db, ids), questionCounts(db, ids), respondentCounts(db, actor, ids)]);
    const now = core.clock.now();
    return { ...page, items: page.items.map((s) => presentSurveySummary(actor, s, villages, questions.get(s.id) ?? 0, respondents.get(s.id) ?? 0, now)) };
  });

  app.get(`${base}/open`, {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Surveys open now for where the caller lives, with whether they have answered', response: { 200: Type.Object({ items: Type.Array(OpenSurveySchema) }), ...ProblemRefs(401) } },
  }, async (request) => ({ items: await openSurveys(db, actorContext(request).actor, core.clock.now()) }));

  app.post(base, {
    config: { access: SURVEY_MANAGE },
    schema: { tags, summary: 'Create a draft survey with its questions', body: CreateSurveyBody, response: { 201: SurveyDetailSchema, ...ProblemRefs(400, 401, 403) } },
  }, async (request, reply) => {
    const ctx = actorContext(request);
    const id = await createSurvey(core, ctx, request.body);
    return reply.code(201).send(await surveyDetail(core, ctx.actor, id));
  });

  app.get(`${base}/:id`, {
    config: { access: SURVEY_RESULTS },
    schema: { tags, summary: 'A survey with its questions and options', params: IdParams, response: { 200: SurveyDetailSchema, ...ProblemRefs(401, 403, 404) } },
  }, async (request) => surveyDetail(core, actorContext(request).actor, request.params.id));

  app.put(`${base}/:id`, {
    config: { access: SURVEY_MANAGE },
    schema: { tags, summary: 'Replace a draft (send the version you read: a stale one gets 409; published surveys are frozen)', params: IdParams, body: UpdateSurveyBody, response: { 200: SurveyDetailSchema, ...ProblemRefs(400, 401, 403, 404, 409) } },
  }, async (request) => {
    const ctx = actorContext(request);
    await updateSurvey(core, ctx, request.params.id, request.body);
    return surveyDetail(core, ctx.actor, request.params.id);
  });

  app.delete(`${base}/:id`, {
    config: { access: SURVEY_MANAGE },
    schema: { tags, summary: 'Delete a draft', params: IdParams, response: { 204: Type.Null(), ...ProblemRefs(401, 403, 404, 409) } },
  }, async (request, reply) => {
    await deleteSurvey(core, actorContext(request), request.params.id);
    return reply.code(204).send(null);
  });

  for (const [action, to] of [['publish', 'published'], ['close', 'closed']] as const) {
    app.post(`${base}/:id/${action}`, {
      config: { access: SURVEY_MANAGE },
      schema: { tags, summary: action === 'publish' ? 'Publish a draft: residents of the region can answer, questions are frozen' : 'Close a published survey: no more answers', params: IdParams, body: VersionBody, response: { 200: SurveyDetailSchema, ...ProblemRefs(400, 401, 403, 404, 409) } },
    }, async (request) => {
      const ctx = actorContext(request);
      await changeSurveyStatus(core, ctx, request.params.id, to, request.body.version);
      return surveyDetail(core, ctx.actor, request.params.id);
    });
  }

  app.get(`${base}/:id/results`, {
    config: { access: SURVEY_RESULTS },
    schema: { tags, summary: 'Results over the respondents living in the caller\'s scope: by option, town and age group; free-text answers without names', params: IdParams, response: { 200: ResultsSchema, ...ProblemRefs(401, 403, 404) } },
  }, async (request) => {
    const { actor } = actorContext(request);
    const row = await findVisibleSurvey(db, actor, request.params.id);
    if (!row) throw notFound('learning.survey.not_found');
    return surveyResults(db, actor, row, request.locale);
  });

  app.get(`${base}/:id/results.xlsx`, {
    config: { access: SURVEY_RESULTS },
    schema: { tags, summary: 'The results as .xlsx: a sheet per breakdown, written answers and raw answers without personal data', params: IdParams, response: { ...ProblemRefs(401, 403, 404) } },
  }, async (request, reply) => {
    const { actor } = actorContext(request);
    const row = await findVisibleSurvey(db, actor, request.params.id);
    if (!row) throw notFound('learning.survey.not_found');
    return sendXlsx(reply, await surveyWorkbook(db, actor, row, request.locale), exportName(row.title));
  });

  app.get(`${base}/:id/form`, {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'A published survey as a respondent sees it, with whether the caller may answer and has answered', params: IdParams, response: { 200: SurveyFormSchema, ...ProblemRefs(401, 404) } },
  }, async (request) => {
    const form = await surveyForm(db, actorContext(request).actor, request.params.id, core.clock.now());
    if (!form) throw notFound('learning.survey.not_found');
    return form;
  });

  app.post(`${base}/:id/responses`, {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Answer a survey (once; the caller must live in its region and the survey be open)', params: IdParams, body: SubmitBody, response: { 201: SubmittedSchema, ...ProblemRefs(400, 401, 403, 404, 409) } },
  }, async (request, reply) => {
    const result = await submitResponse(core, actorContext(request).actor.userId, request.params.id, request.body.answers);
    return reply.code(201).send(result);
  });
};
