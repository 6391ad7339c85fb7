import type { FieldError } from '../../../core/http/errors.js';
import type { AgeGroup, QuestionKind } from './survey-schema.js';
import type { AnswerInputT, QuestionInputT } from './survey-schemas.js';

/** A free-text question without its own limit takes this many characters. */
export const DEFAULT_TEXT_MAX = 500;

/** The parsed instant of an ISO date-time, or null when it does not name a real one (e.g. month 13). */
export function parseInstant(value: string): string | null {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Field errors in a survey's questions (the schema has checked types and lengths already). */
export function questionErrors(questions: QuestionInputT[]): FieldError[] {
  const errors: FieldError[] = [];
  if (questions.length === 0) errors.push({ field: 'questions', code: 'required', messageId: 'learning.survey.no_questions' });
  questions.forEach((q, i) => {
    const at = `questions.${i}`;
    if (!q.title.trim()) errors.push({ field: `${at}.title`, code: 'required', messageId: 'field.required' });
    const options = (q.options ?? []).map((o) => o.trim());
    if (q.kind === 'text') {
      if (options.length > 0) errors.push({ field: `${at}.options`, code: 'not_allowed', messageId: 'learning.survey.text_no_options' });
      if (q.maxChoices !== undefined) errors.push({ field: `${at}.maxChoices`, code: 'not_allowed', messageId: 'field.unknown', params: { field: 'maxChoices' } });
      return;
    }
    if (q.maxLength !== undefined) errors.push({ field: `${at}.maxLength`, code: 'not_allowed', messageId: 'field.unknown', params: { field: 'maxLength' } });
    if (options.length < 2) errors.push({ field: `${at}.options`, code: 'too_few', messageId: 'learning.survey.options_needed' });
    const seen = new Set<string>();
    options.forEach((label, j) => {
      if (!label) errors.push({ field: `${at}.options.${j}`, code: 'required', messageId: 'field.required' });
      else if (seen.has(label)) errors.push({ field: `${at}.options.${j}`, code: 'duplicate', messageId: 'learning.survey.option_duplicate', params: { label } });
      seen.add(label);
    });
    if (q.kind === 'single' && q.maxChoices !== undefined) {
      errors.push({ field: `${at}.maxChoices`, code: 'not_allowed', messageId: 'field.unknown', params: { field: 'maxChoices' } });
    }
    if (q.kind === 'multiple' && q.maxChoices !== undefined && options.length >= 2 && q.maxChoices > options.length) {
      errors.push({ field: `${at}.maxChoices`, code: 'out_of_range', messageId: 'learning.survey.max_choices_range', params: { count: options.length } });
    }
  });
  return errors;
}

export interface QuestionRule {
  id: string;
  kind: QuestionKind;
  required: boolean;
  maxChoices: number | null;
  maxLength: number | null;
  optionIds: string[];
}

export interface AnswerRow { questionId: string; optionId: string | null; text: string | null }

/**
 * Checks a response against the survey's questions: every problem becomes a field error named after the
 * question (`answers.<questionId>`), so the form can show it beside the question. Returns the rows to store.
 */
export function checkAnswers(questions: QuestionRule[], answers: AnswerInputT[]): { errors: FieldError[]; rows: AnswerRow[] } {
  const errors: FieldError[] = [];
  const rows: AnswerRow[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  const given = new Map<string, AnswerInputT>();
  for (const a of answers) {
    const field = `answers.${a.questionId}`;
    if (!byId.has(a.questionId)) errors.push({ field, code: 'unknown_question', messageId: 'learning.survey.answer_unknown_question' });
    else if (given.has(a.questionId)) errors.push({ field, code: 'duplicate', messageId: 'learning.survey.answer_duplicate_question' });
    else given.set(a.questionId, a);
  }
  for (const q of questions) {
    const field = `answers.${q.id}`;
    const a = given.get(q.id);
    if (q.kind === 'text') {
      if (a?.optionIds && a.optionIds.length > 0) { errors.push({ field, code: 'text_expected', messageId: 'learning.survey.answer_text_expected' }); continue; }
      const text = (a?.text ?? '').trim();
      const max = q.maxLength ?? DEFAULT_TEXT_MAX;
      // Characters as people count them (an emoji or a rare hanzi outside the BMP is one, not two).
      if (!text) { if (q.required) errors.push({ field, code: 'required', messageId: 'learning.survey.answer_required' }); }
      else if ([...text].length > max) errors.push({ field, code: 'too_long', messageId: 'learning.survey.answer_too_long', params: { max } });
      else rows.push({ questionId: q.id, optionId: null, text });
      continue;
    }
    if (a?.text !== undefined && a.text.trim() !== '') { errors.push({ field, code: 'choice_expected', messageId: 'learning.survey.answer_choice_expected' }); continue; }
    const chosen = [...new Set(a?.optionIds ?? [])];
    if (chosen.length === 0) { if (q.required) errors.push({ field, code: 'required', messageId: 'learning.survey.answer_required' }); continue; }
    if (chosen.some((id) => !q.optionIds.includes(id))) { errors.push({ field, code: 'unknown_option', messageId: 'learning.survey.answer_unknown_option' }); continue; }
    if (q.kind === 'single' && chosen.length > 1) { errors.push({ field, code: 'too_many', messageId: 'learning.survey.answer_single_only' }); continue; }
    if (q.kind === 'multiple' && q.maxChoices !== null && chosen.length > q.maxChoices) {
      errors.push({ field, code: 'too_many', messageId: 'learning.survey.answer_too_many', params: { max: q.maxChoices } });
      continue;
    }
    for (const optionId of chosen) rows.push({ questionId: q.id, optionId, text: null });
  }
  return { errors, rows };
}

/** Age in whole years on a calendar day ('YYYY-MM-DD' both). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** The results' age groups: <30, 30–44, 45–59, 60–69, 70+; unknown without a birth date. */
export function ageGroupOf(birthDate: string | null, today: string): AgeGroup {
  if (!birthDate || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return 'unknown';
  const age = ageOn(birthDate, today);
  if (age < 30) return 'under30';
  if (age < 45) return '30_44';
  if (age < 60) return '45_59';
  if (age < 70) return '60_69';
  return '70plus';
}

/** The town segment of a region path '/city/town/village/' (null for the city itself). */
export function townIdOfPath(path: string): string | null {
  const parts = path.split('/').filter(Boolean);
  return parts.length >= 2 ? parts[1] : null;
}

/** Every ancestor-or-self path of a scope path: a survey aimed at one of them covers the scope. */
export function pathAndAncestors(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

/** Does a home path lie in the survey's target (its region, or one of its villages when it names some)? */
export function livesIn(homePath: string, surveyPath: string, villagePaths: string[]): boolean {
  if (!homePath.startsWith(surveyPath)) return false;
  return villagePaths.length === 0 || villagePaths.some((p) => homePath.startsWith(p));
}

/** Percent with one decimal; 0 when nobody answered. */
export function percent(count: number, of: number): number {
  return of === 0 ? 0 : Math.round((count * 1000) / of) / 10;
}
