import type { Actor } from '../../../core/access/actor.js';
import { canManageSurvey } from './survey-access.js';
import type { QuestionWithOptions, SurveyRow } from './survey-repository.js';

export interface VillageRef { survey_id: string; id: string; name: string; path: string }

export function presentQuestion(q: QuestionWithOptions) {
  return {
    id: q.id, kind: q.kind, title: q.title, required: Number(q.required) === 1,
    maxChoices: q.max_choices === null ? null : Number(q.max_choices),
    maxLength: q.max_length === null ? null : Number(q.max_length),
    options: q.options.map((o) => ({ id: o.id, label: o.label })),
  };
}

/** The fields every view of a survey shares (staff, residents). */
export function presentSurveyCommon(row: SurveyRow, villages: VillageRef[]) {
  return {
    id: row.id, title: row.title, description: row.description,
    regionId: row.region_id, regionName: row.region_name, regionLevel: row.region_level,
    villages: villages.filter((v) => v.survey_id === row.id).map((v) => ({ id: v.id, name: v.name })),
    status: row.status, opensAt: row.opens_at, closesAt: row.closes_at,
  };
}

/** What the caller may do with the survey, so the back office offers exactly what the server allows. */
export function surveyAbilities(actor: Actor, row: SurveyRow, now: Date) {
  const manage = canManageSurvey(actor, row.path);
  return {
    edit: manage && row.status === 'draft',
    publish: manage && row.status === 'draft' && Date.parse(row.closes_at) > now.getTime(),
    close: manage && row.status === 'published',
    delete: manage && row.status === 'draft',
  };
}

export function presentSurveySummary(actor: Actor, row: SurveyRow, villages: VillageRef[], questionCount: number, respondents: number, now: Date) {
  return {
    ...presentSurveyCommon(row, villages),
    version: Number(row.version), questionCount, respondents, updatedAt: row.updated_at,
    abilities: surveyAbilities(actor, row, now),
  };
}
