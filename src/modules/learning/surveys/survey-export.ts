import type { Kysely } from 'kysely';
import type { Actor } from '../../../core/access/actor.js';
import { t, type Locale } from '../../../core/i18n/i18n.js';
import { formatZhDateTime } from '../../../core/time.js';
import { writeWorkbook, type XlsxSheet } from '../../../core/xlsx/write-workbook.js';
import type { SurveyDatabase } from './survey-schema.js';
import type { SurveyRow } from './survey-repository.js';
import { rawAnswers, surveyResults, type Group } from './survey-results.js';

/**
 * The results as a workbook: one sheet per breakdown (by option, by town, by age group), the free-text answers,
 * and the raw answers numbered per response — no names, user ids or response ids, only town, age group and time.
 * The same scope as the JSON results: a town admin's file holds only their town's respondents.
 */
export async function surveyWorkbook(db: Kysely<SurveyDatabase>, actor: Actor, survey: SurveyRow, locale: Locale): Promise<Buffer> {
  const L = (id: Parameters<typeof t>[1]) => t(locale, id);
  const results = await surveyResults(db, actor, survey, locale, { allTexts: true });
  const raw = await rawAnswers(db, actor, survey.id);
  const col = {
    question: { key: 'question', header: L('learning.survey.export.question'), width: 40 },
    option: { key: 'option', header: L('learning.survey.export.option'), width: 30 },
    group: { key: 'group', header: L('learning.survey.export.group') },
    count: { key: 'count', header: L('learning.survey.export.count'), type: 'number' as const },
    answered: { key: 'answered', header: L('learning.survey.export.answered'), type: 'number' as const },
    percent: { key: 'percent', header: L('learning.survey.export.percent'), type: 'number' as const },
  };
  const choice = results.questions.filter((q) => q.kind !== 'text');
  const breakdown = (groups: Group[], pick: 'byTown' | 'byAge') => choice.flatMap((q) => q.options.flatMap((o) =>
    o[pick].map((cell) => ({
      question: q.title, option: o.label, group: groups.find((g) => g.key === cell.key)?.label ?? cell.key,
      count: cell.count, answered: cell.answered, percent: cell.percent,
    }))));

  const titles = new Map(results.questions.map((q) => [q.id, q.title]));
  const townLabel = new Map(results.towns.map((g) => [g.key, g.label]));
  const ageLabel = new Map(results.ageGroups.map((g) => [g.key, g.label]));
  const numbers = new Map<string, number>();
  const sheets: XlsxSheet[] = [
    {
      name: L('learning.survey.export.by_option'),
      columns: [col.question, col.option, col.count, col.answered, col.percent],
      rows: [
        ...choice.flatMap((q) => q.options.map((o) => ({ question: q.title, option: o.label, count: o.count, answered: q.answered, percent: o.percent }))),
        { question: L('learning.survey.export.respondents'), count: results.respondents },
      ],
    },
    { name: L('learning.survey.export.by_town'), columns: [col.question, col.option, col.group, col.count, col.answered, col.percent], rows: breakdown(results.towns, 'byTown') },
    { name: L('learning.survey.export.by_age'), columns: [col.question, col.option, col.group, col.count, col.answered, col.percent], rows: breakdown(results.ageGroups, 'byAge') },
    {
      name: L('learning.survey.export.texts'),
      columns: [col.question, { key: 'answer', header: L('learning.survey.export.answer'), width: 60 }, { key: 'submitted', header: L('learning.survey.export.submitted') }],
      rows: results.questions.filter((q) => q.kind === 'text').flatMap((q) => q.texts.map((x) => ({ question: q.title, answer: x.text, submitted: formatZhDateTime(x.submittedAt) }))),
    },
    {
      name: L('learning.survey.export.raw'),
      columns: [
        { key: 'no', header: L('learning.survey.export.respondent'), type: 'number' },
        { key: 'town', header: L('learning.survey.export.town') }, { key: 'age', header: L('learning.survey.export.age') },
        { key: 'submitted', header: L('learning.survey.export.submitted') }, col.question,
        { key: 'answer', header: L('learning.survey.export.answer'), width: 60 },
      ],
      rows: raw.map((r) => {
        if (!numbers.has(r.response_id)) numbers.set(r.response_id, numbers.size + 1);
        return {
          no: numbers.get(r.response_id), town: townLabel.get(r.town_id ?? 'unknown') ?? '', age: ageLabel.get(r.age_group) ?? '',
          submitted: formatZhDateTime(r.submitted_at), question: titles.get(r.question_id) ?? '', answer: r.option_label ?? r.text ?? '',
        };
      }),
    },
  ];
  return writeWorkbook(sheets);
}
