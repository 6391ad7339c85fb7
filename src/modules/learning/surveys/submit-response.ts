import type { CoreContext } from '../../../core/context.js';
import { AppError, conflict, invalid, notFound } from '../../../core/http/errors.js';
import { newId } from '../../../core/ids.js';
import { formatZhDateTime } from '../../../core/time.js';
import { surveyDb } from './survey-schema.js';
import { findSurvey, surveyQuestions, surveyVillages } from './survey-repository.js';
import { ageGroupOf, checkAnswers, livesIn, townIdOfPath } from './survey-rules.js';
import type { AnswerInputT } from './survey-schemas.js';

/**
 * A signed-in person who lives in the survey's region answers it, once. Every check runs inside one transaction,
 * and the response row is inserted with ON CONFLICT DO NOTHING on (survey, user): of two submissions racing each
 * other exactly one is stored, the other gets 409, and a refused submission writes nothing at all.
 */
export async function submitResponse(core: CoreContext, userId: string, surveyId: string, answers: AnswerInputT[]) {
  const now = core.clock.now();
  const at = now.toISOString();
  return surveyDb(core).transaction().execute(async (trx) => {
    const survey = await findSurvey(trx, surveyId);
    // Drafts do not exist for respondents.
    if (!survey || survey.status === 'draft') throw notFound('learning.survey.not_found');
    if (survey.status !== 'published') throw conflict('learning.survey.not_open');
    if (at < survey.opens_at) throw conflict('learning.survey.not_yet_open', { at: formatZhDateTime(survey.opens_at) });
    if (at >= survey.closes_at) throw conflict('learning.survey.window_over', { at: formatZhDateTime(survey.closes_at) });
    const user = await trx.selectFrom('users').select(['home_path', 'birth_date']).where('id', '=', userId).executeTakeFirstOrThrow();
    const villages = await surveyVillages(trx, [survey.id]);
    if (!livesIn(user.home_path, survey.path, villages.map((v) => v.path))) {
      const region = villages.length > 0 ? `${survey.region_name}${villages.map((v) => v.name).join('、')}` : survey.region_name;
      throw new AppError(403, 'learning.survey.outside_region', { region });
    }
    const done = await trx.selectFrom('learning_survey_responses').select('id')
      .where('survey_id', '=', survey.id).where('user_id', '=', userId).executeTakeFirst();
    if (done) throw conflict('learning.survey.already_answered');
    const questions = await surveyQuestions(trx, survey.id);
    const { errors, rows } = checkAnswers(questions.map((q) => ({
      id: q.id, kind: q.kind, required: Number(q.required) === 1,
      maxChoices: q.max_choices === null ? null : Number(q.max_choices),
      maxLength: q.max_length === null ? null : Number(q.max_length),
      optionIds: q.options.map((o) => o.id),
    })), answers);
    if (errors.length > 0) throw invalid(errors);
    const responseId = newId();
    const inserted = await trx.insertInto('learning_survey_responses').values({
      id: responseId, survey_id: survey.id, user_id: userId, respondent_path: user.home_path,
      town_id: townIdOfPath(user.home_path), age_group: ageGroupOf(user.birth_date, formatZhDateTime(now).slice(0, 10)), submitted_at: at,
    }).onConflict((oc) => oc.columns(['survey_id', 'user_id']).doNothing()).executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) throw conflict('learning.survey.already_answered');
    if (rows.length > 0) {
      await trx.insertInto('learning_survey_answers').values(rows.map((r) => ({
        id: newId(), response_id: responseId, survey_id: survey.id, question_id: r.questionId, option_id: r.optionId, text: r.text,
      }))).execute();
    }
    return { id: responseId, submittedAt: at };
  });
}
