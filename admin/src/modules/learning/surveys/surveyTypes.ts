/** The survey API's shapes (src/modules/learning/surveys/survey-schemas.ts). */
export type SurveyStatus = 'draft' | 'published' | 'closed';
export type QuestionKind = 'single' | 'multiple' | 'text';

export interface SurveyQuestion {
  id: string;
  kind: QuestionKind;
  title: string;
  required: boolean;
  maxChoices: number | null;
  maxLength: number | null;
  options: { id: string; label: string }[];
}

export interface SurveyAbilities { edit: boolean; publish: boolean; close: boolean; delete: boolean }

export interface SurveySummary {
  id: string;
  title: string;
  description: string;
  regionId: string;
  regionName: string;
  regionLevel: string;
  villages: { id: string; name: string }[];
  status: SurveyStatus;
  opensAt: string;
  closesAt: string;
  version: number;
  questionCount: number;
  respondents: number;
  updatedAt: string;
  abilities: SurveyAbilities;
}

export interface SurveyDetail extends SurveySummary {
  createdAt: string;
  publishedAt: string | null;
  closedAt: string | null;
  questions: SurveyQuestion[];
}

export interface QuestionInput {
  kind: QuestionKind;
  title: string;
  required?: boolean;
  maxChoices?: number;
  maxLength?: number;
  options?: string[];
}

export interface SurveyInput {
  title: string;
  description?: string;
  regionId: string;
  villageIds?: string[];
  opensAt: string;
  closesAt: string;
  questions: QuestionInput[];
}

export interface SurveyListQuery { page?: number; pageSize?: number; status?: SurveyStatus; q?: string }

export interface BreakdownCell { key: string; count: number; answered: number; percent: number }
export interface Group { key: string; label: string; respondents: number }

export interface SurveyResults {
  survey: { id: string; title: string; status: SurveyStatus; regionName: string };
  respondents: number;
  towns: Group[];
  ageGroups: Group[];
  questions: {
    id: string;
    kind: QuestionKind;
    title: string;
    required: boolean;
    answered: number;
    options: { id: string; label: string; count: number; percent: number; byTown: BreakdownCell[]; byAge: BreakdownCell[] }[];
    texts: { text: string; submittedAt: string }[];
    textTotal: number;
  }[];
}
