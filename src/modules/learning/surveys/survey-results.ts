import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../../core/access/actor.js';
import { pathUnder } from '../../../core/access/scope.js';
import { t, type Locale } from '../../../core/i18n/i18n.js';
import { AGE_GROUPS, type SurveyDatabase } from './survey-schema.js';
import { respondentScope } from './survey-access.js';
import { surveyQuestions, type SurveyRow } from './survey-repository.js';
import { percent } from './survey-rules.js';

type Db = Kysely<SurveyDatabase>;
const UNKNOWN_TOWN = 'unknown';
export const TEXTS_IN_JSON = 200;

export interface Group { key: string; label: string; respondents: number }
export interface BreakdownCell { key: string; count: number; answered: number; percent: number }

/** Responses of the survey from people living in the caller's results scope (a town admin: their town only). */
function scopedResponses(db: Db, actor: Actor, surveyId: string) {
  return db.selectFrom('learning_survey_responses as r')
    .where('r.survey_id', '=', surveyId)
    .where(pathUnder(sql.ref('r.respondent_path'), respondentScope(actor)));
}

/**
 * Per question: counts and percentages by option, each broken down by town and by age group; free-text answers
 * without names. Counting is done by the database (GROUP BY), so the work grows with options × groups, not answers.
 * Percentages are of the respondents (in the same group) who answered the question.
 */
export async function surveyResults(db: Db, actor: Actor, survey: SurveyRow, locale: Locale, options: { allTexts?: boolean } = {}) {
  const townKey = (id: string | null) => id ?? UNKNOWN_TOWN;
  const [questions, byTown, byAge, optionRows, answeredRows, textRows, towns] = await Promise.all([
    surveyQuestions(db, survey.id),
    scopedResponses(db, actor, survey.id).select(['r.town_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('r.town_id').execute(),
    scopedResponses(db, actor, survey.id).select(['r.age_group', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('r.age_group').execute(),
    scopedResponses(db, actor, survey.id).innerJoin('learning_survey_answers as a', 'a.response_id', 'r.id')
      .where('a.option_id', 'is not', null)
      .select(['a.question_id', 'a.option_id', 'r.town_id', 'r.age_group', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['a.question_id', 'a.option_id', 'r.town_id', 'r.age_group']).execute(),
    // Respondents per question and group: count distinct responses, since a multiple choice has several rows.
    scopedResponses(db, actor, survey.id).innerJoin('learning_survey_answers as a', 'a.response_id', 'r.id')
      .select(['a.question_id', 'r.town_id', 'r.age_group', (eb) => eb.fn.count<number>('r.id').distinct().as('n')])
      .groupBy(['a.question_id', 'r.town_id', 'r.age_group']).execute(),
    scopedResponses(db, actor, survey.id).innerJoin('learning_survey_answers as a', 'a.response_id', 'r.id')
      .where('a.text', 'is not', null).select(['a.question_id', 'a.text', 'r.submitted_at'])
      .orderBy('r.submitted_at', 'desc').orderBy('a.id').execute(),
    db.selectFrom('regions').select(['id', 'name', 'sort']).where('level', '=', 'town').orderBy('sort').execute(),
  ]);
  const townName = new Map(towns.map((tw) => [tw.id, tw.name]));
  const townOrder = new Map(towns.map((tw, i) => [tw.id, i]));
  const townGroups: Group[] = byTown.map((r) => ({
    key: townKey(r.town_id), label: r.town_id ? townName.get(r.town_id) ?? r.town_id : t(locale, 'learning.survey.town.unknown'), respondents: Number(r.n),
  })).sort((a, b) => (townOrder.get(a.key) ?? 1e9) - (townOrder.get(b.key) ?? 1e9));
  const ageCounts = new Map(byAge.map((r) => [r.age_group, Number(r.n)]));
  const ageGroups: Group[] = AGE_GROUPS.filter((g) => ageCounts.has(g))
    .map((g) => ({ key: g, label: t(locale, `learning.survey.age.${g}`), respondents: ageCounts.get(g)! }));
  const respondents = townGroups.reduce((s, g) => s + g.respondents, 0);

  const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  return {
    survey: { id: survey.id, title: survey.title, status: survey.status, regionName: survey.region_name },
    respondents,
    towns: townGroups,
    ageGroups,
    questions: questions.map((q) => {
      const answered = answeredRows.filter((r) => r.question_id === q.id);
      const answeredByTown = new Map<string, number>();
      const answeredByAge = new Map<string, number>();
      for (const r of answered) { add(answeredByTown, townKey(r.town_id), Number(r.n)); add(answeredByAge, r.age_group, Number(r.n)); }
      const answeredTotal = answered.reduce((s, r) => s + Number(r.n), 0);
      const texts = textRows.filter((r) => r.question_id === q.id);
      return {
        id: q.id, kind: q.kind, title: q.title, required: Number(q.required) === 1, answered: answeredTotal,
        options: q.options.map((o) => {
          const cells = optionRows.filter((r) => r.question_id === q.id && r.option_id === o.id);
          const town = new Map<string, number>();
          const age = new Map<string, number>();
          for (const c of cells) { add(town, townKey(c.town_id), Number(c.n)); add(age, c.age_group, Number(c.n)); }
          const count = cells.reduce((s, c) => s + Number(c.n), 0);
          return {
            id: o.id, label: o.label, count, percent: percent(count, answeredTotal),
            byTown: townGroups.map((g): BreakdownCell => {
              const n = town.get(g.key) ?? 0; const of = answeredByTown.get(g.key) ?? 0;
              return { key: g.key, count: n, answered: of, percent: percent(n, of) };
            }),
            byAge: ageGroups.map((g): BreakdownCell => {
              const n = age.get(g.key) ?? 0; const of = answeredByAge.get(g.key) ?? 0;
              return { key: g.key, count: n, answered: of, percent: percent(n, of) };
            }),
          };
        }),
        texts: (options.allTexts ? texts : texts.slice(0, TEXTS_IN_JSON)).map((r) => ({ text: r.text ?? '', submittedAt: r.submitted_at })),
        textTotal: texts.length,
      };
    }),
  };
}

export type SurveyResults = Awaited<ReturnType<typeof surveyResults>>;

/** Raw answers for the export: one row per response and question, numbered, without any personal data. */
export async function rawAnswers(db: Db, actor: Actor, surveyId: string) {
  return scopedResponses(db, actor, surveyId)
    .innerJoin('learning_survey_answers as a', 'a.response_id', 'r.id')
    .leftJoin('learning_survey_options as o', 'o.id', 'a.option_id')
    .select(['r.id as response_id', 'r.town_id', 'r.age_group', 'r.submitted_at', 'a.question_id', 'o.label as option_label', 'o.sort as option_sort', 'a.text'])
    .orderBy('r.submitted_at').orderBy('r.id').execute();
}
