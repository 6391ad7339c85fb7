import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../../core/access/actor.js';
import { pathUnder } from '../../../core/access/scope.js';
import { containsText } from '../../../core/db/text-match.js';
import { pageParams, type PageResult } from '../../../core/http/pagination.js';
import type { LearningSurveyOptionsTable, LearningSurveyQuestionsTable, LearningSurveysTable, SurveyDatabase } from './survey-schema.js';
import { respondentScope, surveyVisible } from './survey-access.js';
import type { ListSurveysInput } from './survey-schemas.js';

type Db = Kysely<SurveyDatabase>;
export type SurveyRow = LearningSurveysTable & { region_name: string; region_level: string };
export interface QuestionWithOptions extends LearningSurveyQuestionsTable { options: LearningSurveyOptionsTable[] }

function surveysWithRegion(db: Db) {
  return db.selectFrom('learning_surveys as s').innerJoin('regions as r', 'r.id', 's.region_id');
}

/** Surveys the staff member may see, newest first; a filter never widens the scope. */
export async function listSurveys(db: Db, actor: Actor, input: ListSurveysInput): Promise<PageResult<SurveyRow>> {
  const { page, pageSize, offset } = pageParams(input);
  const base = surveysWithRegion(db).where(surveyVisible(actor, 's'))
    .$if(input.status !== undefined, (q) => q.where('s.status', '=', input.status!))
    .$if(Boolean(input.q?.trim()), (q) => q.where(containsText(sql.ref('s.title'), input.q!.trim())));
  const [{ n }] = await base.select((eb) => eb.fn.countAll<number>().as('n')).execute();
  const items = await base.selectAll('s').select(['r.name as region_name', 'r.level as region_level'])
    .orderBy('s.created_at', 'desc').orderBy('s.id').limit(pageSize).offset(offset).execute();
  return { items, total: Number(n), page, pageSize };
}

export async function findSurvey(db: Db, id: string): Promise<SurveyRow | undefined> {
  return surveysWithRegion(db).selectAll('s').select(['r.name as region_name', 'r.level as region_level'])
    .where('s.id', '=', id).executeTakeFirst();
}

export async function findVisibleSurvey(db: Db, actor: Actor, id: string): Promise<SurveyRow | undefined> {
  return surveysWithRegion(db).selectAll('s').select(['r.name as region_name', 'r.level as region_level'])
    .where('s.id', '=', id).where(surveyVisible(actor, 's')).executeTakeFirst();
}

/** The survey's questions in order, each with its options in order. */
export async function surveyQuestions(db: Db, surveyId: string): Promise<QuestionWithOptions[]> {
  const [questions, options] = await Promise.all([
    db.selectFrom('learning_survey_questions').selectAll().where('survey_id', '=', surveyId).orderBy('sort').execute(),
    db.selectFrom('learning_survey_options').selectAll().where('survey_id', '=', surveyId).orderBy('sort').execute(),
  ]);
  return questions.map((q) => ({ ...q, options: options.filter((o) => o.question_id === q.id) }));
}

export async function surveyVillages(db: Db, surveyIds: string[]) {
  if (surveyIds.length === 0) return [];
  return db.selectFrom('learning_survey_villages as v').innerJoin('regions as r', 'r.id', 'v.region_id')
    .select(['v.survey_id', 'v.region_id as id', 'v.path', 'r.name']).where('v.survey_id', 'in', surveyIds).orderBy('r.sort').execute();
}

export async function questionCounts(db: Db, surveyIds: string[]): Promise<Map<string, number>> {
  if (surveyIds.length === 0) return new Map();
  const rows = await db.selectFrom('learning_survey_questions').select(['survey_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('survey_id', 'in', surveyIds).groupBy('survey_id').execute();
  return new Map(rows.map((r) => [r.survey_id, Number(r.n)]));
}

/** Respondents per survey who live in the caller's results scope. */
export async function respondentCounts(db: Db, actor: Actor, surveyIds: string[]): Promise<Map<string, number>> {
  if (surveyIds.length === 0) return new Map();
  const rows = await db.selectFrom('learning_survey_responses').select(['survey_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('survey_id', 'in', surveyIds).where(pathUnder(sql.ref('respondent_path'), respondentScope(actor)))
    .groupBy('survey_id').execute();
  return new Map(rows.map((r) => [r.survey_id, Number(r.n)]));
}
