import type { Kysely } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import type { Actor, RequestContext } from '../../../core/access/actor.js';
import { appendAudit } from '../../../core/audit/audit-log.js';
import { conflict, invalid, notFound, type FieldError } from '../../../core/http/errors.js';
import { newId } from '../../../core/ids.js';
import { surveyDb, type LearningSurveysTable, type SurveyDatabase } from './survey-schema.js';
import { canManageSurvey } from './survey-access.js';
import { DEFAULT_TEXT_MAX, parseInstant, questionErrors } from './survey-rules.js';
import { findSurvey, surveyQuestions } from './survey-repository.js';
import type { SurveyInput, UpdateSurveyInput } from './survey-schemas.js';

type Db = Kysely<SurveyDatabase>;
type Ctx = RequestContext & { actor: Actor };

function audit(trx: Db, ctx: Ctx, action: string, id: string, before: object | null, after: object | null, now: Date) {
  return appendAudit(trx as never, ctx, { action, targetType: 'learning_survey', targetId: id, before: before as never, after: after as never }, now);
}

interface CheckedDefinition {
  title: string; description: string; region: { id: string; path: string };
  villages: { id: string; path: string }[]; opensAt: string; closesAt: string;
}

/** Checks everything but the questions' storage: target region in the actor's scope, villages inside it, the window. */
async function checkDefinition(trx: Db, actor: Actor, input: SurveyInput): Promise<CheckedDefinition> {
  const errors: FieldError[] = [];
  const title = input.title.trim();
  if (!title) errors.push({ field: 'title', code: 'required', messageId: 'field.required' });
  const region = await trx.selectFrom('regions').select(['id', 'path', 'level']).where('id', '=', input.regionId).executeTakeFirst();
  // A region outside the caller's scope is reported exactly like an unknown one.
  const regionOk = region && (region.level === 'city' || region.level === 'town') && canManageSurvey(actor, region.path);
  if (!regionOk) errors.push({ field: 'regionId', code: 'not_found', messageId: 'learning.survey.region_unknown' });
  const villageIds = [...new Set(input.villageIds ?? [])];
  const villages = villageIds.length === 0 ? [] : await trx.selectFrom('regions').select(['id', 'path', 'level']).where('id', 'in', villageIds).execute();
  villageIds.forEach((id, i) => {
    const v = villages.find((r) => r.id === id);
    if (!v || v.level !== 'village' || (regionOk && !v.path.startsWith(region.path))) {
      errors.push({ field: `villageIds.${i}`, code: 'not_found', messageId: 'learning.survey.village_unknown' });
    }
  });
  const opensAt = parseInstant(input.opensAt);
  const closesAt = parseInstant(input.closesAt);
  if (!opensAt) errors.push({ field: 'opensAt', code: 'format', messageId: 'field.format' });
  if (!closesAt) errors.push({ field: 'closesAt', code: 'format', messageId: 'field.format' });
  if (opensAt && closesAt && closesAt <= opensAt) errors.push({ field: 'closesAt', code: 'order', messageId: 'learning.survey.window_order' });
  errors.push(...questionErrors(input.questions));
  if (errors.length > 0 || !regionOk) throw invalid(errors);
  return {
    title, description: (input.description ?? '').trim(), region: { id: region.id, path: region.path },
    villages: villages.map((v) => ({ id: v.id, path: v.path })), opensAt: opensAt!, closesAt: closesAt!,
  };
}

/** Writes the questions and options of a draft (replacing any it had). */
async function writeQuestions(trx: Db, surveyId: string, input: SurveyInput) {
  await trx.deleteFrom('learning_survey_options').where('survey_id', '=', surveyId).execute();
  await trx.deleteFrom('learning_survey_questions').where('survey_id', '=', surveyId).execute();
  for (const [i, q] of input.questions.entries()) {
    const questionId = newId();
    await trx.insertInto('learning_survey_questions').values({
      id: questionId, survey_id: surveyId, sort: i, kind: q.kind, title: q.title.trim(), required: q.required ? 1 : 0,
      max_choices: q.kind === 'multiple' ? q.maxChoices ?? null : null,
      max_length: q.kind === 'text' ? q.maxLength ?? DEFAULT_TEXT_MAX : null,
    }).execute();
    const options = (q.options ?? []).map((label, j) => ({ id: newId(), question_id: questionId, survey_id: surveyId, sort: j, label: label.trim() }));
    if (options.length > 0) await trx.insertInto('learning_survey_options').values(options).execute();
  }
}

async function writeVillages(trx: Db, surveyId: string, villages: { id: string; path: string }[]) {
  await trx.deleteFrom('learning_survey_villages').where('survey_id', '=', surveyId).execute();
  if (villages.length > 0) {
    await trx.insertInto('learning_survey_villages').values(villages.map((v) => ({ survey_id: surveyId, region_id: v.id, path: v.path }))).execute();
  }
}

function definitionForAudit(d: CheckedDefinition, input: SurveyInput) {
  return {
    title: d.title, regionId: d.region.id, villageIds: d.villages.map((v) => v.id), opensAt: d.opensAt, closesAt: d.closesAt,
    questions: input.questions.map((q) => ({ kind: q.kind, title: q.title, required: Boolean(q.required), options: q.options ?? [] })),
  };
}

/** Checks a definition as the actor and stores it as a draft, in the caller's transaction (the demo seed uses it too). */
export async function insertSurveyDraft(trx: Db, actor: Actor, input: SurveyInput, at: string) {
  const d = await checkDefinition(trx, actor, input);
  const row: LearningSurveysTable = {
    id: newId(), title: d.title, description: d.description, region_id: d.region.id, path: d.region.path, status: 'draft',
    opens_at: d.opensAt, closes_at: d.closesAt, version: 1, created_by: actor.userId, created_at: at, updated_at: at,
    published_at: null, closed_at: null,
  };
  await trx.insertInto('learning_surveys').values(row).execute();
  await writeVillages(trx, row.id, d.villages);
  await writeQuestions(trx, row.id, input);
  return { id: row.id, definition: d };
}

export async function createSurvey(core: CoreContext, ctx: Ctx, input: SurveyInput): Promise<string> {
  const now = core.clock.now();
  return surveyDb(core).transaction().execute(async (trx) => {
    const { id, definition } = await insertSurveyDraft(trx, ctx.actor, input, now.toISOString());
    await audit(trx, ctx, 'learning.survey.create', id, null, definitionForAudit(definition, input), now);
    return id;
  });
}

/** The survey the actor may change, or 404 (missing and out-of-scope look the same). */
async function managedSurvey(trx: Db, actor: Actor, id: string) {
  const survey = await findSurvey(trx, id);
  if (!survey || !canManageSurvey(actor, survey.path)) throw notFound('learning.survey.not_found');
  return survey;
}

/** Replaces a draft's definition; published surveys are frozen so every answer refers to the same questions. */
export async function updateSurvey(core: CoreContext, ctx: Ctx, id: string, input: UpdateSurveyInput): Promise<void> {
  const now = core.clock.now();
  await surveyDb(core).transaction().execute(async (trx) => {
    const current = await managedSurvey(trx, ctx.actor, id);
    if (current.status !== 'draft') throw conflict('learning.survey.not_draft');
    if (Number(current.version) !== input.version) throw conflict('learning.survey.stale', { version: Number(current.version) });
    const d = await checkDefinition(trx, ctx.actor, input);
    // The guards again in the WHERE clause: a publish or another save racing past the read above cannot both win.
    const result = await trx.updateTable('learning_surveys').set({
      title: d.title, description: d.description, region_id: d.region.id, path: d.region.path,
      opens_at: d.opensAt, closes_at: d.closesAt, version: input.version + 1, updated_at: now.toISOString(),
    }).where('id', '=', id).where('version', '=', input.version).where('status', '=', 'draft').executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict('learning.survey.stale', { version: Number(current.version) });
    const beforeQuestions = await surveyQuestions(trx, id);
    await writeVillages(trx, id, d.villages);
    await writeQuestions(trx, id, input);
    const before = {
      title: current.title, regionId: current.region_id, opensAt: current.opens_at, closesAt: current.closes_at,
      questions: beforeQuestions.map((q) => ({ kind: q.kind, title: q.title, required: Number(q.required) === 1, options: q.options.map((o) => o.label) })),
    };
    await audit(trx, ctx, 'learning.survey.update', id, before, definitionForAudit(d, input), now);
  });
}

/** draft → published (questions frozen) and published → closed, each guarded by version and status. */
export async function changeSurveyStatus(core: CoreContext, ctx: Ctx, id: string, to: 'published' | 'closed', version: number): Promise<void> {
  const now = core.clock.now();
  await surveyDb(core).transaction().execute(async (trx) => {
    const current = await managedSurvey(trx, ctx.actor, id);
    const from = to === 'published' ? 'draft' : 'published';
    if (current.status !== from) throw conflict(to === 'published' ? 'learning.survey.publish_not_draft' : 'learning.survey.close_not_published');
    if (Number(current.version) !== version) throw conflict('learning.survey.stale', { version: Number(current.version) });
    if (to === 'published') {
      const questions = await surveyQuestions(trx, id);
      if (questions.length === 0) throw invalid([{ field: 'questions', code: 'required', messageId: 'learning.survey.no_questions' }]);
      if (Date.parse(current.closes_at) <= now.getTime()) throw conflict('learning.survey.publish_window_over');
    }
    const at = now.toISOString();
    const result = await trx.updateTable('learning_surveys')
      .set({ status: to, version: version + 1, updated_at: at, ...(to === 'published' ? { published_at: at } : { closed_at: at }) })
      .where('id', '=', id).where('version', '=', version).where('status', '=', from).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict('learning.survey.stale', { version: Number(current.version) });
    await audit(trx, ctx, to === 'published' ? 'learning.survey.publish' : 'learning.survey.close', id, { status: from }, { status: to }, now);
  });
}

/** Only drafts (which have no answers) can be deleted. */
export async function deleteSurvey(core: CoreContext, ctx: Ctx, id: string): Promise<void> {
  const now = core.clock.now();
  await surveyDb(core).transaction().execute(async (trx) => {
    const current = await managedSurvey(trx, ctx.actor, id);
    if (current.status !== 'draft') throw conflict('learning.survey.delete_not_draft');
    // Explicit deletes rather than ON DELETE CASCADE, which SQLite honours only with foreign_keys on.
    await trx.deleteFrom('learning_survey_options').where('survey_id', '=', id).execute();
    await trx.deleteFrom('learning_survey_questions').where('survey_id', '=', id).execute();
    await trx.deleteFrom('learning_survey_villages').where('survey_id', '=', id).execute();
    const result = await trx.deleteFrom('learning_surveys').where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) throw conflict('learning.survey.delete_not_draft');
    await audit(trx, ctx, 'learning.survey.delete', id, { title: current.title, regionId: current.region_id }, null, now);
  });
}
