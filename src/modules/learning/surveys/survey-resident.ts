import type { Kysely } from 'kysely';
import type { Actor } from '../../../core/access/actor.js';
import type { SurveyDatabase } from './survey-schema.js';
import { findSurvey, questionCounts, surveyQuestions, surveyVillages, type SurveyRow } from './survey-repository.js';
import { presentQuestion, presentSurveyCommon } from './survey-presenter.js';
import { livesIn } from './survey-rules.js';

type Db = Kysely<SurveyDatabase>;

async function homePathOf(db: Db, actor: Actor | null): Promise<string | null> {
  if (!actor) return null;
  const row = await db.selectFrom('users').select('home_path').where('id', '=', actor.userId).executeTakeFirst();
  return row?.home_path ?? null;
}

async function answeredAt(db: Db, actor: Actor | null, surveyIds: string[]): Promise<Map<string, string>> {
  if (!actor || surveyIds.length === 0) return new Map();
  const rows = await db.selectFrom('learning_survey_responses').select(['survey_id', 'submitted_at'])
    .where('user_id', '=', actor.userId).where('survey_id', 'in', surveyIds).execute();
  return new Map(rows.map((r) => [r.survey_id, r.submitted_at]));
}

/**
 * Surveys open now (published, inside their window). Signed in: those for where the visitor lives, with whether
 * they have answered. Anonymous: all of them (the visitor is asked to log in to answer).
 */
export async function openSurveys(db: Db, actor: Actor | null, now: Date) {
  const at = now.toISOString();
  const rows: SurveyRow[] = await db.selectFrom('learning_surveys as s').innerJoin('regions as r', 'r.id', 's.region_id')
    .selectAll('s').select(['r.name as region_name', 'r.level as region_level'])
    .where('s.status', '=', 'published').where('s.opens_at', '<=', at).where('s.closes_at', '>', at)
    .orderBy('s.closes_at').orderBy('s.id').limit(200).execute();
  const villages = await surveyVillages(db, rows.map((r) => r.id));
  const home = await homePathOf(db, actor);
  const mine = home === null ? rows
    : rows.filter((r) => livesIn(home, r.path, villages.filter((v) => v.survey_id === r.id).map((v) => v.path)));
  const ids = mine.map((r) => r.id);
  const [counts, answered] = await Promise.all([questionCounts(db, ids), answeredAt(db, actor, ids)]);
  return mine.map((r) => ({ ...presentSurveyCommon(r, villages), questionCount: counts.get(r.id) ?? 0, answeredAt: answered.get(r.id) ?? null }));
}

/** A published or closed survey as a respondent sees it; drafts do not exist for them (undefined). */
export async function surveyForm(db: Db, actor: Actor | null, id: string, now: Date) {
  const row = await findSurvey(db, id);
  if (!row || row.status === 'draft') return undefined;
  const [villages, questions, home, answered] = await Promise.all([
    surveyVillages(db, [id]), surveyQuestions(db, id), homePathOf(db, actor), answeredAt(db, actor, [id]),
  ]);
  const at = now.toISOString();
  return {
    ...presentSurveyCommon(row, villages),
    questions: questions.map(presentQuestion),
    open: row.status === 'published' && row.opens_at <= at && at < row.closes_at,
    eligible: home !== null && livesIn(home, row.path, villages.map((v) => v.path)),
    answeredAt: answered.get(id) ?? null,
  };
}

export type SurveyForm = NonNullable<Awaited<ReturnType<typeof surveyForm>>>;
