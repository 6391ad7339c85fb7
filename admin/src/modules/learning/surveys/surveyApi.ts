import { API_BASE, api } from '../../../core/api/client';
import type { Page } from '../../../core/api/types';
import type { SurveyDetail, SurveyInput, SurveyListQuery, SurveyResults, SurveyStatus, SurveySummary } from './surveyTypes';

const base = '/learning/surveys';

export const surveyApi = {
  list: (query: SurveyListQuery, signal?: AbortSignal) => api.get<Page<SurveySummary>>(base, { query: { ...query }, signal }),
  get: (id: string, signal?: AbortSignal) => api.get<SurveyDetail>(`${base}/${id}`, { signal }),
  create: (body: SurveyInput) => api.post<SurveyDetail>(base, body),
  update: (id: string, version: number, body: SurveyInput) => api.put<SurveyDetail>(`${base}/${id}`, { ...body, version }),
  remove: (id: string) => api.delete<unknown>(`${base}/${id}`),
  publish: (id: string, version: number) => api.post<SurveyDetail>(`${base}/${id}/publish`, { version }),
  close: (id: string, version: number) => api.post<SurveyDetail>(`${base}/${id}/close`, { version }),
  results: (id: string, signal?: AbortSignal) => api.get<SurveyResults>(`${base}/${id}/results`, { signal }),
  /** A plain link: the browser downloads the .xlsx with the session cookie. */
  exportUrl: (id: string) => `${API_BASE}${base}/${id}/results.xlsx`,
};

export const SURVEY_PERMISSIONS = {
  manage: 'learning.survey.manage',
  results: 'learning.survey.read_results',
} as const;

export const STATUS_COLOR: Record<SurveyStatus, string> = { draft: 'default', published: 'green', closed: 'orange' };
