import type { Kysely } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import type { Database } from '../../../core/db/schema.js';

/** Row types of migration 0014_learning_surveys. Timestamps are ISO strings; flags 0/1. */
export type SurveyStatus = 'draft' | 'published' | 'closed';
export type QuestionKind = 'single' | 'multiple' | 'text';
export const AGE_GROUPS = ['under30', '30_44', '45_59', '60_69', '70plus', 'unknown'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export interface LearningSurveysTable {
  id: string;
  title: string;
  description: string;
  region_id: string;
  path: string;
  status: SurveyStatus;
  opens_at: string;
  closes_at: string;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  closed_at: string | null;
}

export interface LearningSurveyVillagesTable { survey_id: string; region_id: string; path: string }

export interface LearningSurveyQuestionsTable {
  id: string;
  survey_id: string;
  sort: number;
  kind: QuestionKind;
  title: string;
  required: number;
  max_choices: number | null;
  max_length: number | null;
}

export interface LearningSurveyOptionsTable { id: string; question_id: string; survey_id: string; sort: number; label: string }

export interface LearningSurveyResponsesTable {
  id: string;
  survey_id: string;
  user_id: string;
  respondent_path: string;
  town_id: string | null;
  age_group: AgeGroup;
  submitted_at: string;
}

export interface LearningSurveyAnswersTable {
  id: string;
  response_id: string;
  survey_id: string;
  question_id: string;
  option_id: string | null;
  text: string | null;
}

export interface SurveyTables {
  learning_surveys: LearningSurveysTable;
  learning_survey_villages: LearningSurveyVillagesTable;
  learning_survey_questions: LearningSurveyQuestionsTable;
  learning_survey_options: LearningSurveyOptionsTable;
  learning_survey_responses: LearningSurveyResponsesTable;
  learning_survey_answers: LearningSurveyAnswersTable;
}

export type SurveyDatabase = Database & SurveyTables;

/** The platform database seen with the survey tables. */
export function surveyDb(core: Pick<CoreContext, 'db'>): Kysely<SurveyDatabase> {
  return core.db as unknown as Kysely<SurveyDatabase>;
}
